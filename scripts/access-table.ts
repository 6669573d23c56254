// `npx tsx scripts/access-table.ts [--write]`: prints the README's role table from the access matrix, or writes it in.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accessTableMarkdown, withAccessTable } from '../server/src/auth/access-table.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv.includes('--write')) {
  writeFileSync(README, withAccessTable(readFileSync(README, 'utf8')));
  process.stdout.write(`wrote the access table into ${README}\n`);
} else {
  process.stdout.write(`${accessTableMarkdown()}\n`);
}
