// `npm run ingest`: a folder of two articles; --dry-run --json prints suggestions whose quotes index each text and
// writes nothing; --accept-above adds both with automatic decisions; a rerun adds nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SourceListResponse, SuggestionListResponse } from '../../contract/index.js';
import { enc, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { articleText, dropIngestState } from '../setup/ingest-fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let app: TestApp;
let c: Curation;
let dir: string;
const user = `ingest-cli-${suffix()}`;
const texts = { 'a-article.txt': articleText(), 'b-article.md': `# Harbour talks\n\n${articleText()}` };
const added: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  c = await startCuration(app);
  dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'notes.pdf'), 'not an article');
});
afterAll(async () => {
  await dropIngestState(app, added);
  for (const id of added) c.nodes.add(id);
  await app.store.driver.executeQuery(
    'MATCH (ch:Change {by: $user}) DELETE ch',
    { user },
    { database: app.store.database },
  );
  await c.cleanup();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  file: string;
  status: string;
  sourceId: string | null;
  duplicateOf: string | null;
  suggestions: number;
  accepted: number;
  suggested?: { quote: string; start: number; end: number; kind: string }[];
}

/** Runs the script as `npm run ingest` would, against the test database (async: the app shares this event loop). */
function ingest(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USERNAME: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    LOG_LEVEL: 'silent',
  };
  if (inject('neo4jDatabase')) env.NEO4J_DATABASE = inject('neo4jDatabase');
  const child = spawn('npx', ['tsx', 'scripts/ingest.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((res) => child.on('close', (status) => res({ status, stdout, stderr })));
}

const sourceCount = async () => (await app.get<SourceListResponse>('/api/sources')).body.sources.length;

describe('npm run ingest', () => {
  it('--dry-run --json prints the suggestions of each article in a folder and writes nothing', async () => {
    const before = await sourceCount();
    const r = await ingest(['--dry-run', '--json', dir]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { dryRun: boolean; files: Outcome[] };
    expect(out.dryRun).toBe(true);
    expect(out.files.map((f) => f.file)).toEqual(Object.keys(texts).map((n) => join(dir, n)));
    for (const f of out.files) {
      expect(f.status).toBe('would-add');
      const text = texts[f.file.slice(dir.length + 1) as keyof typeof texts];
      expect(f.suggested!.length).toBeGreaterThan(0);
      for (const s of f.suggested!) expect(text.slice(s.start, s.end)).toBe(s.quote);
    }
    expect(await sourceCount()).toBe(before);
  }, 120_000);

  it('--accept-above adds both articles with automatic decisions; a rerun adds nothing', async () => {
    const before = await sourceCount();
    const r = await ingest(['--json', '--accept-above', '0.8', '--user', user, dir]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: Outcome[] };
    expect(out.files.map((f) => f.status)).toEqual(['added', 'added']);
    added.push(...out.files.map((f) => f.sourceId!));
    expect(await sourceCount()).toBe(before + 2);
    for (const f of out.files) {
      const list = (
        await app.send<SuggestionListResponse>(
          'GET',
          `/api/sources/${enc(f.sourceId!)}/suggestions`,
          undefined,
          c.as.curator.headers,
        )
      ).body;
      expect(list.suggestions.length).toBe(f.suggestions);
      const decided = list.suggestions.filter((s) => s.state === 'accepted');
      expect(decided.length).toBe(f.accepted);
      expect(decided.length).toBeGreaterThan(0);
      for (const s of decided) expect(s.decision).toMatchObject({ by: user, automatic: true });
      // Every suggestion at or above the threshold was decided; a weaker one only as an end of a stronger one.
      for (const s of list.suggestions)
        if (s.score >= 0.8 && !s.disputed) expect(s.state).not.toBe('pending');
    }

    const again = await ingest(['--json', '--accept-above', '0.8', '--user', user, dir]);
    expect(again.status, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout) as { files: Outcome[] };
    expect(second.files.map((f) => [f.status, f.duplicateOf])).toEqual(
      out.files.map((f) => ['duplicate', f.sourceId]),
    );
    expect(await sourceCount()).toBe(before + 2);
  }, 180_000);

  it('refuses a bad threshold and a file that is not an article, naming them', async () => {
    const bad = await ingest(['--accept-above', '2', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--accept-above');
    const pdf = await ingest(['--dry-run', join(dir, 'notes.pdf')]);
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain('notes.pdf');
  }, 120_000);
});
