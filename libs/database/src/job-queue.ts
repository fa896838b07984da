import { Logger, runMigrations } from 'graphile-worker';

/** graphile-worker's log lines: only its warnings and errors, to stderr (its debug chatter is not wanted). */
export const jobQueueLogger = (log: (level: 'error' | 'warning' | 'info' | 'debug', message: string) => void = quiet): Logger =>
  new Logger(() => (level, message) => log(level as 'error' | 'warning' | 'info' | 'debug', message));

function quiet(level: string, message: string): void {
  if (level === 'error' || level === 'warning') console.error(`[job-queue] ${message}`);
}

/**
 * Installs the job queue's own schema (graphile-worker's `graphile_worker`) on
 * `url`, or brings it up to date. graphile-worker keeps its own migration table
 * and detects a concurrent install, so several processes may call this at once.
 * `migrate()` calls it after FarmLink's migrations; the worker does it again as
 * it starts (a no-op then).
 */
export async function installJobQueue(url: string): Promise<void> {
  // The library makes (and ends) a pool of one connection for this.
  await runMigrations({ connectionString: url, maxPoolSize: 1, logger: jobQueueLogger() });
}
