import { IdentityService } from '@farmlink/identity';
import { COUNTIES, createUser, useTestApp } from '@farmlink/testing';

describe('Identity (e2e)', () => {
  const t = useTestApp({ ADMIN_EMAIL: 'root@farmlink.test', ADMIN_PASSWORD: 'root-password-1' });

  const farmer = (over: Record<string, unknown> = {}) => ({
    email: `farmer-${Math.random().toString(36).slice(2)}@farmlink.test`,
    password: 'good-password',
    displayName: '王芳',
    role: 'farmer',
    countyCode: COUNTIES.tongzi,
    village: '石坎村',
    povertyRegistered: true,
    ...over,
  });

  it('registers a farmer, signs in and answers /api/me', async () => {
    const body = farmer();
    const reg = await t.http().post('/api/auth/register').send(body).expect(201);
    expect(reg.body.accessToken).toEqual(expect.any(String));
    // povertyRegistered: true is only a claim: not verified until an officer says so (contract v1.1, Trust).
    expect(reg.body.user).toMatchObject({ email: body.email, role: 'farmer', countyCode: '520322', povertyRegistered: false, povertyStatus: 'claimed' });
    expect(JSON.stringify(reg.body)).not.toMatch(/password/i);

    const login = await t.http().post('/api/auth/login').send({ email: body.email.toUpperCase(), password: 'good-password' }).expect(200);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: reg.body.user.id, displayName: '王芳', village: '石坎村' });
  });

  it('refuses a wrong password (401) and an unknown email the same way', async () => {
    const body = farmer();
    await t.http().post('/api/auth/register').send(body).expect(201);
    const wrong = await t.http().post('/api/auth/login').send({ email: body.email, password: 'not-it-at-all' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@farmlink.test', password: 'whatever1' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password', code: 'INVALID_CREDENTIALS' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers 409 for an email taken in any letter case, and stores nothing', async () => {
    const body = farmer();
    await t.http().post('/api/auth/register').send(body).expect(201);
    const res = await t.http().post('/api/auth/register').send({ ...body, email: body.email.toUpperCase(), role: 'buyer' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [body.email]);
    expect(n).toBe(1);
  });

  it.each([
    ['missing fields', {}],
    ['a short password', { password: 'short' }],
    ['a wrong type', { povertyRegistered: 'yes' }],
    ['an unknown field', { isAdmin: true }],
    ['a self-made admin', { role: 'admin' }],
    ['a farmer without county', { countyCode: undefined }],
    ['a malformed county', { countyCode: '52' }],
    ['a bad email', { email: 'not-an-email' }],
  ])('answers 400 with field messages for %s', async (_name, over) => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    const body = Object.keys(over).length === 0 ? {} : farmer(over);
    const res = await t.http().post('/api/auth/register').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toBeDefined();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
  });

  it('answers 400 for a county code that does not exist', async () => {
    const res = await t.http().post('/api/auth/register').send(farmer({ countyCode: '520000' })).expect(400);
    expect(res.body.message).toMatch(/not a known county/);
  });

  it('answers 400 for malformed JSON, not 500', async () => {
    const res = await t.http().post('/api/auth/register').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('needs a valid token: none, garbage, and another key are 401', async () => {
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.3J6W0cXg1Yw6e1o2Qd4l2m3n4o5p6q7r8s9t0u1v2w3';
    await t.http().get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('creates the first admin from ADMIN_EMAIL, who creates a scoped officer; a buyer may not', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'root@farmlink.test', password: 'root-password-1' }).expect(200);
    expect(login.body.user.role).toBe('admin');
    // The address the operator configured counts as verified: no "confirm your email" banner for this admin.
    expect(login.body.user.emailVerified).toBe(true);
    // An admin created before that rule is marked verified at the next start.
    await t.db.query(`UPDATE users SET email_verified_at = NULL WHERE email = 'root@farmlink.test'`);
    await t.app.get(IdentityService).onApplicationBootstrap();
    expect((await t.db.query(`SELECT email_verified_at IS NOT NULL AS v FROM users WHERE email = 'root@farmlink.test'`))[0].v).toBe(true);
    const admin = { Authorization: `Bearer ${login.body.accessToken}` };
    const officer = await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({ email: 'officer@farmlink.test', password: 'officer-pass', displayName: '张科长', role: 'officer', jurisdictionCode: '520000' })
      .expect(201);
    expect(officer.body).toMatchObject({ role: 'officer', jurisdictionCode: '520000' });

    await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({ email: 'o2@farmlink.test', password: 'officer-pass', displayName: 'x', role: 'officer', jurisdictionCode: '999999' })
      .expect(400);

    const buyer = await createUser(t, 'buyer');
    const res = await t
      .http()
      .post('/api/admin/users')
      .set(buyer.auth)
      .send({ email: 'o3@farmlink.test', password: 'officer-pass', displayName: 'x', role: 'admin' })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  });

  it('answers 404 in the contract shape for unknown routes', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('serves the OpenAPI document with the identity and region endpoints', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/me', '/api/admin/users', '/api/regions', '/api/regions/{code}']),
    );
  });

  it('reports liveness and readiness', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
  });
});

describe('Identity rate limits (e2e)', () => {
  const t = useTestApp({ AUTH_THROTTLE_LIMIT: '10' });

  it('answers 429 to 20 quick bad logins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.http().post('/api/auth/login').send({ email: 'x@farmlink.test', password: 'wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toContain(429);
    const last = await t.http().post('/api/auth/login').send({ email: 'x@farmlink.test', password: 'wrong-password' }).expect(429);
    expect(last.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });
});
