// Reads the seed folder (sources.json, sources/*.txt, data/*.json) into compileSeed's inputs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSeed, type CompiledSeed, type SeedSource } from './compile.js';
import { seedSourcesSchema } from './seed-schema.js';

/** The seed folder of this repository: this file's folder, or, when it runs compiled (dist/node/seed/), the
 * seed/ folder of the repository above it (the one holding sources.json). */
export const SEED_DIR = findSeedDir(fileURLToPath(new URL('.', import.meta.url)));

function findSeedDir(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const here = basename(dir) === 'seed' ? dir : join(dir, 'seed');
    if (existsSync(join(here, 'sources.json'))) return here;
  }
  return from;
}

/** Reads the five sources with their full text. */
export function readSources(dir = SEED_DIR): SeedSource[] {
  const list = seedSourcesSchema.parse(JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')));
  return list.map((s) => ({ ...s, text: readFileSync(join(dir, 'sources', s.file), 'utf8') }));
}

/** Reads every data/*.json file, in name order. */
export function readDataFiles(dir = SEED_DIR): { name: string; data: unknown }[] {
  const dataDir = join(dir, 'data');
  return readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown }));
}

/** Reads and compiles the whole seed folder; throws SeedValidationError on any bad record. */
export function readSeed(dir = SEED_DIR): CompiledSeed {
  return compileSeed(readSources(dir), readDataFiles(dir));
}
