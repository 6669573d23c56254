// `npm run generate -- --nodes 1000000 --seed 42` (or `--preset 10k|100k|1m`): a synthetic graph of the project's model
// in the configured Neo4j (NEO4J_URI, else the embedded one in NEO4J_DATA_DIR), with a progress bar, the rate and an ETA.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig, ConfigError } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { GeneratorError, generateGraph } from './generator/writer.js';

export const PRESETS: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

const USAGE = `Usage: npm run generate -- (--nodes N | --preset 10k|100k|1m) [--seed 42] [--batch 5000]
Writes a deterministic synthetic graph into the configured Neo4j. Rerun the same command to resume.`;

function options(): { nodes: number; seed: number; batchSize: number } {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      preset: { type: 'string' },
      seed: { type: 'string', default: '42' },
      batch: { type: 'string', default: '5000' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, v: string | undefined, min: number, max: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min || n > max)
      throw new ConfigError(
        `--${name}: expected an integer from ${min} to ${max}, got ${v ?? 'nothing'}.\n${USAGE}`,
      );
    return n;
  };
  if (values.preset !== undefined && !(values.preset.toLowerCase() in PRESETS))
    throw new ConfigError(
      `--preset: expected one of ${Object.keys(PRESETS).join(', ')}, got ${values.preset}.`,
    );
  const nodes =
    values.preset !== undefined
      ? PRESETS[values.preset.toLowerCase()]!
      : int('nodes', values.nodes, 1000, 10_000_000);
  return {
    nodes,
    seed: int('seed', values.seed, 0, 2 ** 31 - 1),
    batchSize: int('batch', values.batch, 100, 100_000),
  };
}

async function main(): Promise<void> {
  const opts = options();
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await openDatabase({ ...config, queryTimeoutMs: 600_000 }, logger);
  const bars = new cliProgress.MultiBar(
    {
      format:
        ' {phase} |{bar}| {percentage}% {value}/{total} nodes · {written} written · {rate}/s · ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const phases = new Map<string, { bar: cliProgress.SingleBar; t0: number; first: number }>();
  try {
    const result = await generateGraph(db.store, {
      ...opts,
      onProgress: ({ phase, done, total, written }) => {
        let p = phases.get(phase);
        if (!p) {
          p = {
            bar: bars.create(total, done, { phase: phase.padEnd(13), written, rate: 0 }),
            t0: Date.now(),
            first: written,
          };
          phases.set(phase, p);
        }
        const seconds = Math.max(0.001, (Date.now() - p.t0) / 1000);
        p.bar.update(done, { written, rate: Math.round((written - p.first) / seconds).toLocaleString('en') });
      },
    });
    bars.stop();
    const s = ((Date.now() - started) / 1000).toFixed(1);
    const resumed = result.resumedFrom.nodes
      ? ` (resumed after ${result.resumedFrom.nodes} nodes and ${result.resumedFrom.relationships} relationships)`
      : '';
    process.stdout.write(
      `Generated ${result.nodes.toLocaleString('en')} nodes and ${result.relationships.toLocaleString('en')} relationships for ${result.key} in ${s} s${resumed}.\n`,
    );
  } finally {
    bars.stop();
    await db.close();
  }
}

main().catch((err: unknown) => {
  const known =
    err instanceof ConfigError || err instanceof PrerequisiteError || err instanceof GeneratorError;
  process.stderr.write(
    `generate failed: ${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
  );
  process.exit(1);
});
