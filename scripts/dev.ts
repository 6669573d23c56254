// `npm run dev`: the API (with the embedded Neo4j unless NEO4J_URI is set) plus Vite's dev server proxying /api.
import { spawn } from 'node:child_process';
import { main } from '../server/src/main.js';

const apiPort = process.env.PORT ?? '3000';
await main();
const vite = spawn('npx', ['vite', '--port', process.env.VITE_PORT ?? '5173'], {
  stdio: 'inherit',
  env: { ...process.env, API_PORT: apiPort },
});
// Stopping the API (Ctrl+C) stops Vite too; main's handlers stop Neo4j.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => vite.kill(sig));
vite.on('exit', (code) => {
  if (code) process.kill(process.pid, 'SIGTERM');
});
