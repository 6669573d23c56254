// The repository's root folder, found from this file whether it runs as TypeScript (server/src/) or compiled
// (dist/node/server/src/): the nearest folder above that holds both package.json and cypher/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cypher'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root (package.json and cypher/) above ${from}`);
  }
}

/** Absolute path of the repository's root: runtime files (cypher/, seed/, neo4j/, dist/client) are read from here. */
export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** An absolute path inside the repository. */
export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
