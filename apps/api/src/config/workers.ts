/**
 * How many worker processes serve the API on this host: API_WORKERS, else
 * WEB_CONCURRENCY (the name several platforms set), else 1. `auto` means one
 * per CPU core (os.availableParallelism()).
 */
export function workerCount(env: NodeJS.ProcessEnv, cores = require('node:os').availableParallelism() as number): number {
  for (const name of ['API_WORKERS', 'WEB_CONCURRENCY'] as const) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (raw === 'auto') return Math.max(1, cores);
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`"${name}" must be a whole number from 1 to 256, or auto (got ${raw})`);
    return n;
  }
  return 1;
}
