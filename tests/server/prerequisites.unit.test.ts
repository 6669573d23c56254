// Without Java on the PATH the embedded Neo4j refuses with one clear line: what to install, or set NEO4J_URI.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrerequisiteError, startEmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('embedded Neo4j prerequisites', () => {
  it('names Java 17+ and NEO4J_URI when java is missing', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    const err = await startEmbeddedNeo4j({ dataDir: join(tmpdir(), 'never-created') }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PrerequisiteError);
    const message = (err as Error).message;
    expect(message).toMatch(/Java 17\+/);
    expect(message).toMatch(/NEO4J_URI/);
    expect(message.split('\n')).toHaveLength(1);
  });
});
