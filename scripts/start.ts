// `npm start`: build the client if it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../server/src/main.js';
import { ConfigError } from '../server/src/config.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { AuthSecretError } from '../server/src/auth/auth-secret.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function clientIsStale(): boolean {
  const built = join(root, 'dist/client/index.html');
  if (!existsSync(built)) return true;
  const inputs = ['client', 'vite.config.ts', 'model', 'contract']
    .map((p) => join(root, p))
    .filter(existsSync);
  return Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs;
}

if (clientIsStale()) {
  process.stdout.write('Building the client (vite build)...\n');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('Client build failed.\n');
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  const known =
    err instanceof ConfigError || err instanceof PrerequisiteError || err instanceof AuthSecretError;
  process.stderr.write(
    `${known ? '' : 'start-up failed: '}${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
  );
  process.exit(1);
});
