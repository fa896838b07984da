import { createUser, TestSmtp, useTestApp, useTwoTestApps, type TestApp } from '@farmlink/testing';

/**
 * The outbox's delivery through the job queue (graphile-worker): with two API
 * processes on one database each message is sent once, and a message whose
 * last attempt failed stays visible as a failed job and a failed outbox row.
 */
const until = async (what: string, check: () => Promise<boolean>, tries = 200) => {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('Notification queue across two processes (e2e)', () => {
  const smtp = new TestSmtp();
  beforeAll(() => smtp.start());
  afterAll(() => smtp.stop());
  const [a, b] = useTwoTestApps(() => ({ SMTP_URL: smtp.url(), OUTBOX_POLL_MS: '200' }));

  it('sends every message once, although both processes\' runners are woken for each job', async () => {
    const users = [];
    for (let i = 0; i < 6; i++) users.push(await createUser(a, 'buyer'));
    // Password-reset requests through both processes at once: 6 mails enqueued, 3 by each.
    await Promise.all(users.map((u, i) => ([a, b][i % 2] as TestApp).http().post('/api/auth/password-reset/request').send({ email: u.email }).expect(202)));
    const emails = users.map((u) => u.email);
    // Every one recorded sent, and no job left in the queue: nothing can be sent again after this.
    await until('all sent', async () => {
      const [{ n }] = await a.db.query(`SELECT count(*)::int AS n FROM outbox WHERE recipient = ANY($1) AND sent_at IS NOT NULL`, [emails]);
      const [{ jobs }] = await a.db.query(`SELECT count(*)::int AS jobs FROM graphile_worker.jobs WHERE task_identifier = 'deliver_notification'`);
      return n === 6 && jobs === 0;
    });
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
    const rows = await a.db.query(`SELECT attempts, last_error AS "lastError" FROM outbox WHERE recipient = ANY($1)`, [emails]);
    expect(rows).toEqual(emails.map(() => ({ attempts: 1, lastError: null })));
  });
});

describe('Notification queue: a message given up (e2e)', () => {
  const down = new TestSmtp();
  let url = '';
  beforeAll(async () => {
    await down.start();
    url = down.url();
    await down.stop(); // nothing listens there any more: every attempt fails
  });
  const t = useTestApp(() => ({ SMTP_URL: url, OUTBOX_MAX_ATTEMPTS: '1', OUTBOX_POLL_MS: '200' }));

  it('after OUTBOX_MAX_ATTEMPTS the outbox row is marked failed and the job stays in graphile_worker.jobs with its error', async () => {
    const user = await createUser(t, 'buyer');
    await t.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    let row: { id: string; attempts: number; failedAt: Date | null; lastError: string | null } | undefined;
    let jobs: unknown[] = [];
    // Given up in the outbox, and the queue has recorded the job's failure (after the task threw).
    await until('the message to be given up', async () => {
      [row] = await t.db.query(`SELECT id, attempts, failed_at AS "failedAt", last_error AS "lastError" FROM outbox WHERE recipient = $1`, [user.email]);
      if (!row?.failedAt) return false;
      // What README tells an operator to look at: the failed jobs.
      jobs = await t.db.query(
        `SELECT task_identifier AS task, attempts, max_attempts AS "maxAttempts", last_error AS "lastError" FROM graphile_worker.jobs WHERE key = $1 AND last_error IS NOT NULL`,
        [`outbox:${row.id}`],
      );
      return jobs.length > 0;
    });
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(jobs).toEqual([{ task: 'deliver_notification', attempts: 1, maxAttempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) }]);
  });
});
