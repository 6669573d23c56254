// `npx tsx bench/ingest-explain.ts <file> [pattern]`: prints, per sentence (optionally only those matching a
// regular expression), the mentions extraction found and the relationships it suggested from that sentence.
import { readFileSync } from 'node:fs';
import { extract } from '../server/src/ingest/extract.js';
import type { EndRef } from '../server/src/ingest/types.js';

const [file, pattern] = process.argv.slice(2);
if (!file) throw new Error('Usage: ingest-explain <file> [pattern]');
const text = readFileSync(file, 'utf8');
const r = extract(text, { nodes: [] });
const name = (e: EndRef) =>
  'nodeId' in e ? e.nodeId : (r.candidates.find((c) => c.key === e.candidateKey)?.name ?? e.candidateKey);
const re = pattern ? new RegExp(pattern, 'i') : undefined;
for (const s of r.sentences) {
  const quote = text.slice(s.start, s.end);
  if (re && !re.test(quote)) continue;
  const lines = [`[${s.index} ${s.block}] ${quote}`];
  for (const m of r.mentions.filter((m) => m.sentence === s.index))
    lines.push(`   m ${m.label} "${m.text}" → ${name(m.ref)} (${m.via})`);
  for (const x of r.suggestions)
    if (x.kind === 'relationship' && x.evidence.some((e) => e.start === s.start))
      lines.push(`   R ${x.type} ${name(x.from)} -> ${name(x.to)} [${x.rule} ${x.score.toFixed(2)}]`);
  process.stdout.write(lines.join('\n') + '\n');
}
