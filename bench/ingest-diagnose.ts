// `npx tsx bench/ingest-diagnose.ts [article…]`: prints what the last bench:ingest run missed and added per article
// (missed nodes, missed relationships with their cause, extra suggestions), for tuning on the seed and fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleScore } from './ingest-score.js';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'bench', 'results');
const latest = readdirSync(dir)
  .filter((f) => f.endsWith('-ingest.json'))
  .sort()
  .at(-1)!;
const result = JSON.parse(readFileSync(join(dir, latest), 'utf8')) as Record<
  string,
  { articles?: ArticleScore[] }
>;
const wanted = new Set(process.argv.slice(2));
// Per relationship type over every article shown: which types are most missed, and how precise each is.
const byType = new Map<string, { tp: number; suggested: number; gold: number }>();
for (const [group, g] of Object.entries(result)) {
  for (const a of g?.articles ?? []) {
    if (wanted.size ? !wanted.has(a.article) : group === 'heldOut') continue;
    const out = [
      `== ${group} ${a.article}: missed by cause ${JSON.stringify(a.relationships.missedByCause)}`,
      ...a.missedNodes.map((n) => `  missed node  ${n}`),
      ...a.extraNodes.map((n) => `  extra node   ${n}`),
      ...a.missedRelationships.map((r) => `  missed rel   ${r}`),
      ...a.extraRelationships.map((r) => `  extra rel    ${r}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
    for (const [type, t] of Object.entries(a.relationships.byType)) {
      const sum = byType.get(type) ?? { tp: 0, suggested: 0, gold: 0 };
      byType.set(type, {
        tp: sum.tp + t.tp,
        suggested: sum.suggested + t.suggested,
        gold: sum.gold + t.gold,
      });
    }
  }
}
const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '–');
process.stdout.write(
  '== per type over the articles shown (most missed first): type  recall (found/gold)  precision\n',
);
for (const [type, t] of [...byType].sort((a, b) => b[1].gold - b[1].tp - (a[1].gold - a[1].tp)))
  process.stdout.write(
    `  ${type.padEnd(20)} ${ratio(t.tp, t.gold)} (${t.tp}/${t.gold})  ${ratio(t.tp, t.suggested)} of ${t.suggested}\n`,
  );
