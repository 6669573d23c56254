// `npm run seed`: validate the seed graph and load it into Neo4j (`--check` validates only).
import { readSeed } from './read-seed.js';
import { SeedValidationError } from './compile.js';

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  let seed;
  try {
    seed = readSeed();
  } catch (err) {
    if (err instanceof SeedValidationError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const summary = `${seed.sources.length} sources, ${seed.nodes.length} nodes, ${seed.relationships.length} relationships`;
  if (checkOnly) {
    process.stdout.write(`Seed valid: ${summary}\n`);
    return;
  }
  const { runSeedCommand } = await import('./seed-command.js');
  await runSeedCommand(seed);
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
