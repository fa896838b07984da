import type { DataSource } from 'typeorm';

interface JobLogger {
  warn(message: string): void;
}

/**
 * Runs one round of a periodic job (a sweeper, a compactor) at most once at a
 * time across every API process on the database: the round holds a session
 * advisory lock named after the job on a connection of its own, and a process
 * that cannot take it skips the round (another one is doing it). A failed
 * round is logged, never thrown: the next interval tries again. Answers
 * whether this process ran the round.
 */
export async function runOncePerCluster(db: DataSource, job: string, round: () => Promise<unknown>, logger: JobLogger): Promise<boolean> {
  const runner = db.createQueryRunner();
  let locked = false;
  try {
    await runner.connect();
    const [{ got }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS got`, [`farmlink:job:${job}`]);
    locked = got === true;
    if (!locked) return false;
    await round();
    return true;
  } catch (err) {
    logger.warn(`${job} failed: ${(err as Error).message}`);
    return locked;
  } finally {
    if (locked) await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`farmlink:job:${job}`]).catch(() => undefined);
    await runner.release();
  }
}
