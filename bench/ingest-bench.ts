// `npm run bench:ingest`: extracts the five seed articles into an empty vocabulary and scores the suggestions
// against the hand-made seed graph (and our own test articles against their expected graphs); times a
// 5,000-word article against a fixed reference workload run alongside. Writes bench/results/<date>-ingest.json and .md.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { extract, prepareEngine } from '../server/src/ingest/extract.js';
import { makeWordNormaliser } from '../server/src/ingest/normalise.js';
import { defaultRules } from '../server/src/ingest/rules.js';
import { readDataFiles, readSources } from '../seed/read-seed.js';
import { overall, scoreArticle, type ArticleScore, type Gold } from './ingest-score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'ingest', 'fixtures');
const HELD_OUT = join(ROOT, 'tests', 'ingest', 'heldout');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, quiet: { type: 'boolean', default: false } },
});

interface SeedRecord {
  id: string;
  label: string;
  name: string;
  aliases?: string[];
  evidence?: unknown[];
}
interface SeedRel {
  type: string;
  from: string;
  to: string;
  evidence?: unknown[];
}

function seedGold(): { article: string; text: string; gold: Gold }[] {
  const sources = readSources();
  const files = readDataFiles().filter((f) => /^\d{3}\.json$/.test(f.name));
  return files.map(({ name, data }) => {
    const d = data as { source: string; nodes: SeedRecord[]; relationships: SeedRel[] };
    const source = sources.find((s) => s.id === d.source)!;
    return {
      article: name.replace('.json', ''),
      text: source.text,
      gold: {
        nodes: d.nodes.map((n) => ({
          id: n.id,
          label: n.label,
          name: n.name,
          aliases: n.aliases ?? [],
          quotes: n.evidence?.length ?? 1,
        })),
        relationships: d.relationships.map((r) => ({
          type: r.type,
          from: r.from,
          to: r.to,
          quotes: r.evidence?.length ?? 1,
        })),
      },
    };
  });
}

function fixtureGold(dir = FIXTURES): { article: string; text: string; gold: Gold }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const base = f.replace('.expected.json', '');
      const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        nodes: { label: string; name: string; aliases?: string[] }[];
        relationships: { type: string; from: string; to: string }[];
      };
      return {
        article: base,
        text: readFileSync(join(dir, `${base}.txt`), 'utf8'),
        gold: {
          nodes: d.nodes.map((n) => ({
            id: n.name,
            label: n.label,
            name: n.name,
            aliases: n.aliases ?? [],
            quotes: 1,
          })),
          relationships: d.relationships.map((r) => ({ ...r, quotes: 1 })),
        },
      };
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A fixed CPU-bound workload: sorting 300,000 pseudo-random numbers. */
function reference(): number {
  let x = 12345;
  const xs = new Float64Array(300_000).map(() => ((x = (x * 1103515245 + 12345) % 2147483648), x));
  const t0 = performance.now();
  xs.sort();
  return performance.now() - t0;
}

function timing(texts: string[], runs: number) {
  const text = cut(texts.join('\n\n'), 5000);
  const engine = prepareEngine({ nodes: [] });
  extract(text, engine);
  const extractMs: number[] = [];
  const compromiseMs: number[] = [];
  const referenceMs: number[] = [];
  let progressCalls = 0;
  for (let i = 0; i < runs; i++) {
    referenceMs.push(reference());
    let t0 = performance.now();
    extract(text, engine, { onProgress: () => progressCalls++ });
    extractMs.push(performance.now() - t0);
    t0 = performance.now();
    nlp(text).json({ offset: true, terms: { offset: true } });
    compromiseMs.push(performance.now() - t0);
  }
  return {
    words: text.split(/\s+/).filter(Boolean).length,
    runs,
    extractMsMedian: Math.round(median(extractMs)),
    extractMsMin: Math.round(Math.min(...extractMs)),
    compromiseTaggingMsMedian: Math.round(median(compromiseMs)),
    referenceMsMedian: Math.round(median(referenceMs)),
    ratioToReference: Number((median(extractMs) / median(referenceMs)).toFixed(2)),
    progressCallsPerRun: Math.round(progressCalls / runs),
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
  };
}

/** The first `n` words of `text`, cut at a line end so no sentence is broken. */
function cut(text: string, n: number): string {
  let count = 0;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const w = line.split(/\s+/).filter(Boolean).length;
    if (count + w > n && count >= n * 0.9) break;
    out.push(line);
    count += w;
  }
  return out.join('\n');
}

const pct = (x: number) => (x * 100).toFixed(1) + '%';
const f2 = (x: number) => x.toFixed(2);

function markdown(result: ReturnType<typeof run>): string {
  const { seed, fixtures, heldOut, targets, timing: t, newsTiming: nt } = result;
  const row = (s: ArticleScore) =>
    `| ${s.article} | ${s.words} | ${f2(s.nodes.precision)} | ${f2(s.nodes.recall)} (${s.nodes.tp}/${s.nodes.gold}) | ${f2(s.nodes.lenientRecall)} | ${f2(s.nodes.nameInText)} | ${f2(s.relationships.precision)} | ${f2(s.relationships.recall)} (${s.relationships.tp}/${s.relationships.gold}) | ${pct(s.quotes.share)} | ${s.effort.byHand} → ${s.effort.withSuggestions} |`;
  const head =
    '| article | words | node precision | node recall | lenient node recall | gold names written in text | rel. precision | rel. recall | quotes verbatim | curator actions (by hand → with suggestions) |\n|---|---|---|---|---|---|---|---|---|---|';
  const tot = (o: ReturnType<typeof overall>) =>
    `| **overall** | | **${f2(o.nodes.precision)}** | **${f2(o.nodes.recall)}** (${o.nodes.tp}/${o.nodes.gold}) | | | **${f2(o.relationships.precision)}** | **${f2(o.relationships.recall)}** (${o.relationships.tp}/${o.relationships.gold}) | ${pct(o.quotes.share)} | |`;
  const check = (name: string, value: number, bar: number) =>
    `| ${name} | ${f2(value)} | ≥ ${bar} | ${value >= bar ? 'met' : `missed by ${f2(bar - value)}`} |`;
  return [
    `# Ingest extraction benchmark (${result.date})`,
    '',
    'Each article is extracted with an EMPTY vocabulary (as into an empty database), so every node found is a new candidate, not a match of the seed\'s names. Nodes match one-to-one by name or alias (case, accents, hyphens, possessives, British/American spelling and a final plural folded); relationships by type and both matched ends (COOPERATES_WITH either way). "Lenient node recall" also counts near-misses sharing most content words; "gold names written in text" is the share of gold nodes whose name or an alias appears in the article at all (normalised) — a diagnosis, not a ceiling, since extraction may also find a node by a synonym. Both are shown for diagnosis only — the targets use the strict figure.',
    '',
    '## Seed articles (gold: seed/data/*.json)',
    '',
    head,
    ...seed.articles.map(row),
    tot(seed.overall),
    '',
    '| target | value | bar | |\n|---|---|---|---|',
    check('node recall', seed.overall.nodes.recall, targets.nodeRecall),
    check('node precision', seed.overall.nodes.precision, targets.nodePrecision),
    check('relationship recall', seed.overall.relationships.recall, targets.relRecall),
    check('relationship precision', seed.overall.relationships.precision, targets.relPrecision),
    `| quotes verbatim | ${pct(seed.overall.quotes.share)} | 100% | ${seed.overall.quotes.share === 1 ? 'met' : 'MISSED'} |`,
    '',
    '## Our own test articles (tests/ingest/fixtures, other events, written before the rules)',
    '',
    head,
    ...fixtures.articles.map(row),
    tot(fixtures.overall),
    '',
    '## Held-out test articles (tests/ingest/heldout: written before the rule changes they judge, never used to tune)',
    '',
    'Exceptions, said plainly: the misses of asean-maritime-ministerial, interpol-cybercrime-operation and japan-philippines-defence-pact were read before the last two rules of 2026-12-04 evening (the event named most, joined-as-guest), so they judge those two with hindsight; europol-smuggling-action-day and au-counterterrorism-summit-abuja were written after those rules; their first, blind score (nodes P 0.73/0.78 R 0.80/0.75, rels P 1.00/0.11 R 0.25/0.07) showed one bug, a day name read into the name of a summit, which was then fixed (au rels 0.07 → 0.47): they are blind to every other rule.',
    '',
    head,
    ...heldOut.articles.map(row),
    tot(heldOut.overall),
    '',
    '## Why gold relationships were missed, and recall over what the text names',
    '',
    'A missed gold relationship is put down to one cause: an end the text never names (by name or alias), an end named but not found, a suggestion between the same ends reversed or of another type, or none between them. "Named in text" recall leaves out gold items whose name (or, for relationships, either end\'s name) is not written in the article (normalised). It is no hard ceiling: extraction also builds names the text does not write as such (a bilateral pair prefix, a forum named by its topic), so overall recall can exceed the share of gold names written in the text.',
    '',
    '| group | end not in text | end not found | wrong direction | wrong type | relation missed | node recall, named in text | rel. recall, both ends named in text |\n|---|---|---|---|---|---|---|---|',
    ...(
      [
        ['seed', seed.articles],
        ['our fixtures', fixtures.articles],
        ['held-out', heldOut.articles],
      ] as const
    ).map(([name, arts]) => {
      const sum = (f: (a: ArticleScore) => number) => arts.reduce((n, a) => n + f(a), 0);
      const c = (k: keyof ArticleScore['relationships']['missedByCause']) =>
        sum((a) => a.relationships.missedByCause[k]);
      const nf = sum((a) => a.nodes.inTextFound);
      const ng = sum((a) => a.nodes.inTextGold);
      const rf = sum((a) => a.relationships.tpBothNamesInText);
      const rg = sum((a) => a.relationships.bothNamesInText);
      return `| ${name} | ${c('end-not-in-text')} | ${c('end-not-found')} | ${c('wrong-direction')} | ${c('wrong-type')} | ${c('relation-missed')} | ${f2(ng ? nf / ng : 0)} (${nf}/${ng}) | ${f2(rg ? rf / rg : 0)} (${rf}/${rg}) |`;
    }),
    '',
    '## Scoring before the gold-note change',
    '',
    'Since commit 89cfc15 a gold name\'s trailing parenthetical note ("… (unnamed)", "… (recommended)") is also matched without the note: the note is the curator\'s comment, not part of the name the text writes. The same extraction scored the earlier way (names matched with their note only):',
    '',
    '| group | node precision | node recall | rel. precision | rel. recall |\n|---|---|---|---|---|',
    ...(
      [
        ['seed', seed.overall, result.noteKeptScoring.seed],
        ['our fixtures', fixtures.overall, result.noteKeptScoring.fixtures],
        ['held-out', heldOut.overall, result.noteKeptScoring.heldOut],
      ] as const
    ).map(
      ([name, now, b]) =>
        `| ${name}: now | ${f2(now.nodes.precision)} | ${f2(now.nodes.recall)} (${now.nodes.tp}/${now.nodes.gold}) | ${f2(now.relationships.precision)} | ${f2(now.relationships.recall)} (${now.relationships.tp}/${now.relationships.gold}) |\n| ${name}: before | ${f2(b.nodes.precision)} | ${f2(b.nodes.recall)} (${b.nodes.tp}/${b.nodes.gold}) | ${f2(b.relationships.precision)} | ${f2(b.relationships.recall)} (${b.relationships.tp}/${b.relationships.gold}) |`,
    ),
    '',
    '## Node recall by label (seed, all articles)',
    '',
    '| label | found / gold |\n|---|---|',
    ...Object.entries(result.seedByLabel).map(([l, v]) => `| ${l} | ${v.found} / ${v.gold} |`),
    '',
    '## Curator effort',
    '',
    'By hand: one action per node, relationship and quote typed. With suggestions: one click per accepted or rejected suggestion, one edit per matched node with the wrong label, plus typing whatever was missed (node or relationship and its quotes). No links (empty vocabulary).',
    '',
    '| article | by hand | accepts | rejects | edits | typed for misses | with suggestions |\n|---|---|---|---|---|---|---|',
    ...[...seed.articles, ...fixtures.articles, ...heldOut.articles].map(
      (s) =>
        `| ${s.article} | ${s.effort.byHand} | ${s.effort.accepts} | ${s.effort.rejects} | ${s.effort.edits} | ${s.effort.typedForMisses} | ${s.effort.withSuggestions} |`,
    ),
    '',
    '## Speed',
    '',
    `A ${t.words}-word article (the seed articles run together), ${t.runs} runs after a warm-up: extraction median ${t.extractMsMedian} ms (min ${t.extractMsMin} ms); compromise tagging the whole text alone ${t.compromiseTaggingMsMedian} ms (extraction tags only the sentences its rules read tags in); reference workload (sorting 300,000 numbers) ${t.referenceMsMedian} ms, so extraction = ${t.ratioToReference} × reference. Machine: ${t.cpus} × ${t.cpuModel}, 1-minute load average ${t.loadAverage1m} when measured (shared machine: absolute times are noisy, compare the ratio). Progress callbacks per run: ${t.progressCallsPerRun}.`,
    '',
    `News style, where names fill most sentences so nearly all are tagged (our fixture and held-out articles run together and repeated to ${nt.words} words): extraction median ${nt.extractMsMedian} ms (min ${nt.extractMsMin} ms); whole-text tagging ${nt.compromiseTaggingMsMedian} ms; reference ${nt.referenceMsMedian} ms, so extraction = ${nt.ratioToReference} × reference; load average ${nt.loadAverage1m}.`,
    '',
  ].join('\n');
}

function run() {
  const rules = defaultRules();
  const nw = makeWordNormaliser(rules.spelling);
  const engine = prepareEngine({ nodes: [] }, rules);
  // Each article is extracted once and scored twice: as now, and as before the gold-note scoring change.
  const score = (items: ReturnType<typeof seedGold>) => {
    const scored = items.map(({ article, text, gold }) => {
      const r = extract(text, engine);
      return [
        scoreArticle(article, text, r, gold, nw),
        scoreArticle(article, text, r, gold, nw, 'keep'),
      ] as const;
    });
    return { now: scored.map(([s]) => s), before: overall(scored.map(([, s]) => s)) };
  };
  const seedItems = seedGold();
  const { now: seedScores, before: seedBefore } = score(seedItems);
  const newsItems = [...fixtureGold(), ...fixtureGold(HELD_OUT)];
  const { now: fixtureScores, before: fixturesBefore } = score(fixtureGold());
  const { now: heldOutScores, before: heldOutBefore } = score(fixtureGold(HELD_OUT));
  const seedByLabel: Record<string, { found: number; gold: number }> = {};
  for (const s of seedScores)
    for (const [l, v] of Object.entries(s.nodes.byLabel)) {
      const b = (seedByLabel[l] ??= { found: 0, gold: 0 });
      b.found += v.found;
      b.gold += v.gold;
    }
  return {
    date: new Date().toISOString().slice(0, 10),
    targets: { nodeRecall: 0.9, nodePrecision: 0.8, relRecall: 0.6, relPrecision: 0.6, quotesVerbatim: 1 },
    seed: { articles: seedScores, overall: overall(seedScores) },
    fixtures: { articles: fixtureScores, overall: overall(fixtureScores) },
    heldOut: { articles: heldOutScores, overall: overall(heldOutScores) },
    seedByLabel,
    noteKeptScoring: { seed: seedBefore, fixtures: fixturesBefore, heldOut: heldOutBefore },
    timing: timing(
      seedItems.map((s) => s.text),
      Number(args.runs),
    ),
    // News style (names in most sentences, so nearly every sentence is tagged): our test articles, repeated.
    newsTiming: timing(
      Array.from({ length: 5 }, () => newsItems.map((s) => s.text)).flat(),
      Number(args.runs),
    ),
  };
}

const result = run();
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const base = join(dir, `${result.date}-ingest`);
writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + '\n');
const md = markdown(result);
writeFileSync(`${base}.md`, md);
if (!args.quiet) process.stdout.write(md);
