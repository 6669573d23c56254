// A threat's scope for the filter: the threat and all its sub-threats, read from the database's SUBTYPE_OF hierarchy.
import type { NeighboursResponse } from '../../../contract';

/** Fetches the SUBTYPE_OF neighbours of a threat (the API client's `neighbours`, narrowed). */
export type SubtypeFetch = (
  id: string,
  query: { relTypes: readonly string[]; labels: readonly string[]; limit: number },
) => Promise<NeighboursResponse>;

/** The server's page ceiling: no threat has more direct sub-threats than this. */
const PAGE = 500;

/**
 * Ids of `threatId` and every threat below it (`(sub)-[:SUBTYPE_OF*]->(threat)`), the same set
 * cypher/resolve-threat.cypher gives the server's own threat filters. Walks the hierarchy one
 * level per request, so a scene that shows only part of the hierarchy still filters correctly.
 */
export async function threatScope(fetchSubtypes: SubtypeFetch, threatId: string): Promise<string[]> {
  const seen = new Set([threatId]);
  let level = [threatId];
  while (level.length) {
    const answers = await Promise.all(
      level.map((id) => fetchSubtypes(id, { relTypes: ['SUBTYPE_OF'], labels: ['ThreatType'], limit: PAGE })),
    );
    const next: string[] = [];
    answers.forEach((res, i) => {
      for (const e of res.edges) {
        if (e.type === 'SUBTYPE_OF' && e.target === level[i] && !seen.has(e.source)) {
          seen.add(e.source);
          next.push(e.source);
        }
      }
    });
    level = next;
  }
  return [...seen];
}
