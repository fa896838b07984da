/**
 * Abuse from the outside: oversized bodies, security headers, CORS, request
 * ids, and secrets that must never come back out.
 */
import { COUNTIES, createUser, useTestApp } from '@farmlink/testing';

describe('Abuse (e2e)', () => {
  const t = useTestApp({ CORS_ORIGINS: 'https://shop.farmlink.example', BODY_LIMIT_BYTES: '65536' });

  it('refuses a body over the limit with 413 in the error shape', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: expect.any(String), message: expect.any(String) });
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only for configured origins', async () => {
    const ok = await t.http().options('/api/listings').set('Origin', 'https://shop.farmlink.example').set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.farmlink.example');
    const evil = await t.http().options('/api/listings').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('tags every answer with a request id, keeping a sane one from the caller', async () => {
    const mine = await t.http().get('/api/health').set('X-Request-Id', 'trace-123');
    expect(mine.headers['x-request-id']).toBe('trace-123');
    const injected = await t.http().get('/api/health').set('X-Request-Id', 'bad id\nwith newline'.replace('\n', ' '));
    expect(injected.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never returns a password or its hash', async () => {
    const email = `secret-${Date.now()}@farmlink.test`;
    const reg = await t.http().post('/api/auth/register').send({ email, password: 'hunter2-hunter2', displayName: 'x', role: 'farmer', countyCode: COUNTIES.tongzi }).expect(201);
    const login = await t.http().post('/api/auth/login').send({ email, password: 'hunter2-hunter2' }).expect(200);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    for (const body of [reg.body, login.body, me.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('$argon2');
      expect(text.toLowerCase()).not.toContain('passwordhash');
    }
    const admin = await createUser(t, 'admin');
    const staff = await t.http().post('/api/admin/users').set(admin.auth).send({ email: `o-${email}`, password: 'hunter2-hunter2', displayName: 'o', role: 'officer' }).expect(201);
    expect(JSON.stringify(staff.body)).not.toContain('argon2');
  });

  it('answers unknown methods and routes in the error shape', async () => {
    const res = await t.http().put('/api/health').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
