// Turns seed files into one validated, merged graph, or a list of every problem found.
// Pure: no file system, no database, so tests can feed it a bad record directly.
import { endpointAllowed, labelsOf, type EntityKind, type RelationshipType } from '../model/index.js';
import { seedFileSchema, type SeedEvidence } from './seed-schema.js';

export interface SeedSource {
  id: string;
  file: string;
  title: string;
  text: string;
  publisher?: string;
  date?: string;
  url?: string;
}

/** Evidence as stored: the quote, its source and its derived offsets. */
export interface StoredEvidence {
  sourceId: string | null;
  sourceTitle: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  note?: string;
}

interface CompiledCommon {
  id: string;
  properties: Record<string, unknown>;
  evidence: StoredEvidence[];
}
export interface CompiledNode extends CompiledCommon {
  labels: string[];
  name: string;
  origin: string;
}
export interface CompiledRelationship extends CompiledCommon {
  type: RelationshipType;
  from: string;
  to: string;
  origin: string;
}
export interface CompiledSeed {
  sources: SeedSource[];
  nodes: CompiledNode[];
  relationships: CompiledRelationship[];
}

/** One thing wrong with one record; `where` names the file and record. */
export interface SeedProblem {
  where: string;
  reason: string;
}

export class SeedValidationError extends Error {
  readonly code = 'SEED_INVALID';
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Seed refused: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p.where}: ${p.reason}`).join('\n')}`,
    );
    this.name = 'SeedValidationError';
  }
}

/** Validates and merges seed files; throws SeedValidationError naming every bad record. */
export function compileSeed(sources: SeedSource[], files: { name: string; data: unknown }[]): CompiledSeed {
  const problems: SeedProblem[] = [];
  const byId = new Map(sources.map((s) => [s.id, s]));
  const nodes = new Map<string, CompiledNode>();
  const rels = new Map<string, CompiledRelationship>();

  const resolveEvidence = (
    items: SeedEvidence[],
    fileSource: string | null | undefined,
    where: string,
  ): StoredEvidence[] =>
    items.flatMap((item, i): StoredEvidence[] => {
      if ('note' in item)
        return [{ sourceId: null, sourceTitle: null, quote: null, start: null, end: null, note: item.note }];
      const sourceId = item.sourceId ?? fileSource ?? null;
      const source = sourceId ? byId.get(sourceId) : undefined;
      if (!source) {
        problems.push({ where: `${where} evidence[${i}]`, reason: `unknown source "${sourceId}"` });
        return [];
      }
      const start = source.text.indexOf(item.quote);
      if (start < 0) {
        problems.push({
          where: `${where} evidence[${i}]`,
          reason: `quote not found verbatim in ${source.id}: "${item.quote.slice(0, 80)}"`,
        });
        return [];
      }
      return [
        {
          sourceId: source.id,
          sourceTitle: source.title,
          quote: item.quote,
          start,
          end: start + item.quote.length,
        },
      ];
    });

  const mergeInto = <T extends CompiledCommon>(
    map: Map<string, T>,
    record: T,
    where: string,
    sameness: (a: T, b: T) => string | null,
  ): void => {
    const existing = map.get(record.id);
    if (!existing) {
      map.set(record.id, record);
      return;
    }
    const clash = sameness(existing, record);
    if (clash) {
      problems.push({ where, reason: clash });
      return;
    }
    const seen = new Set(existing.evidence.map((e) => `${e.sourceId}|${e.quote}|${e.note}`));
    existing.evidence.push(...record.evidence.filter((e) => !seen.has(`${e.sourceId}|${e.quote}|${e.note}`)));
    const aliases = new Set([
      ...((existing.properties.aliases as string[]) ?? []),
      ...((record.properties.aliases as string[]) ?? []),
    ]);
    existing.properties = {
      ...record.properties,
      ...existing.properties,
      ...(aliases.size ? { aliases: [...aliases] } : {}),
    };
  };

  for (const file of files) {
    const parsed = seedFileSchema.safeParse(file.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ where: `${file.name} ${issue.path.join('.')}`, reason: issue.message });
      continue;
    }
    const { source, nodes: fileNodes, relationships } = parsed.data;
    if (source && !byId.has(source))
      problems.push({ where: `${file.name} source`, reason: `unknown source "${source}"` });
    fileNodes.forEach((n, i) => {
      const where = `${file.name} nodes[${i}] (${n.id})`;
      const properties: Record<string, unknown> = {
        ...n.properties,
        ...(n.aliases?.length ? { aliases: n.aliases } : {}),
        ...(n.description ? { description: n.description } : {}),
        ...(n.confidence ? { confidence: n.confidence } : {}),
        ...(n.disputed !== undefined ? { disputed: n.disputed } : {}),
        ...(n.disputeNote ? { disputeNote: n.disputeNote } : {}),
      };
      const labels: string[] = [...labelsOf(n.label as EntityKind)];
      const record: CompiledNode = {
        id: n.id,
        labels,
        name: n.name,
        properties,
        evidence: resolveEvidence(n.evidence, source, where),
        origin: where,
      };
      mergeInto(nodes, record, where, (a, b) =>
        a.labels.join() !== b.labels.join()
          ? `label ${b.labels.at(-1)} disagrees with ${a.labels.at(-1)} from ${a.origin}`
          : a.name !== b.name
            ? `name "${b.name}" disagrees with "${a.name}" from ${a.origin}`
            : null,
      );
    });
    relationships.forEach((r, i) => {
      const id = [r.from, r.type, r.to, ...(r.key ? [r.key] : [])].join('|');
      const where = `${file.name} relationships[${i}] (${id})`;
      const properties: Record<string, unknown> = {
        ...r.properties,
        ...(r.confidence ? { confidence: r.confidence } : {}),
        ...(r.disputed !== undefined ? { disputed: r.disputed } : {}),
        ...(r.disputeNote ? { disputeNote: r.disputeNote } : {}),
      };
      const record: CompiledRelationship = {
        id,
        type: r.type as RelationshipType,
        from: r.from,
        to: r.to,
        properties,
        evidence: resolveEvidence(r.evidence, source, where),
        origin: where,
      };
      mergeInto(rels, record, where, () => null);
    });
  }

  for (const rel of rels.values()) {
    for (const end of ['from', 'to'] as const) {
      const node = nodes.get(rel[end]);
      if (!node) problems.push({ where: rel.origin, reason: `${end} endpoint "${rel[end]}" does not exist` });
      else if (!endpointAllowed(rel.type, end, node.labels)) {
        problems.push({
          where: rel.origin,
          reason: `${rel.type} may not ${end === 'from' ? 'start at' : 'end at'} a ${node.labels.at(-1)} ("${node.id}")`,
        });
      }
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  return { sources, nodes: [...nodes.values()], relationships: [...rels.values()] };
}
