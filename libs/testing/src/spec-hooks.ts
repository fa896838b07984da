import type { Role } from '@farmlink/shared';
import { createTestApp, TestApp } from './create-test-app';
import { createUser, TestUser, UserOverrides } from './factories';
import { FakeStripe } from './fake-stripe';

type TestEnv = Record<string, string | undefined>;

/**
 * A spec's usual set-up in one call, made inside a `describe`: a test app
 * (createTestApp) started before its tests and closed after them. Returns a
 * handle that forwards to that app, so a spec writes `const t = useTestApp()`
 * instead of a `let t` filled in beforeAll and closed in afterAll. Hooks the
 * spec registers after this call run after the app has started.
 *
 * `env` may be a function when it depends on something started in an earlier
 * beforeAll (the fake Stripe's URL, for one).
 */
export function useTestApp(env: TestEnv | (() => TestEnv) = {}, options: { timeoutMs?: number } = {}): TestApp {
  let current: TestApp | undefined;
  const started = (): TestApp => {
    if (!current) throw new Error('the test app starts in beforeAll: use it inside a test or a hook');
    return current;
  };
  beforeAll(async () => {
    current = await createTestApp(typeof env === 'function' ? env() : env);
  }, options.timeoutMs);
  afterAll(async () => {
    const app = current;
    current = undefined;
    await app?.close();
  });
  return lateBound(TEST_APP_FIELDS, started);
}

/**
 * Two API processes on one database, as behind a load balancer: two test apps
 * (createTestApp) sharing one cloned database, each with its own pool, caches
 * and timers. Started before a describe's tests, closed after them.
 */
export function useTwoTestApps(env: TestEnv | (() => TestEnv) = {}, options: { timeoutMs?: number } = {}): [TestApp, TestApp] {
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  beforeAll(async () => {
    const settings = typeof env === 'function' ? env() : env;
    a = await createTestApp(settings);
    b = await createTestApp(settings, { database: a.database });
  }, options.timeoutMs);
  afterAll(async () => {
    const [first, second] = [a, b];
    a = b = undefined;
    await second?.app.close(); // the second one only closes: the first drops the shared database
    await first?.close();
  });
  const started = (app: TestApp | undefined): TestApp => {
    if (!app) throw new Error('the test apps start in beforeAll: use them inside a test or a hook');
    return app;
  };
  return [lateBound(TEST_APP_FIELDS, () => started(a)), lateBound(TEST_APP_FIELDS, () => started(b))];
}

/**
 * A local fake Stripe (see fake-stripe) started before a describe's tests and
 * stopped after them. Call it before useTestApp and pass `() => stripe.env()`.
 */
export function useFakeStripe(): FakeStripe {
  const stripe = new FakeStripe();
  beforeAll(() => stripe.start());
  afterAll(() => stripe.stop());
  return stripe;
}

/**
 * The users a describe's tests share, created (createUser, in the order given)
 * in a beforeAll after the app's: `{ buyer: 'buyer', farmerA: ['farmer', { countyCode }] }`.
 * Returns a handle per user that reads the created one, so a spec destructures
 * them at once: `const { buyer, farmerA } = useUsers(t, { … })`.
 */
export function useUsers<K extends string>(t: TestApp, users: Record<K, Role | [Role, UserOverrides]>): Record<K, TestUser> {
  const created = new Map<K, TestUser>();
  beforeAll(async () => {
    for (const [name, spec] of Object.entries(users) as [K, Role | [Role, UserOverrides]][]) {
      const [role, overrides] = Array.isArray(spec) ? spec : [spec, {}];
      created.set(name, await createUser(t, role, overrides));
    }
  });
  const handles = {} as Record<K, TestUser>;
  for (const name of Object.keys(users) as K[]) {
    handles[name] = lateBound(TEST_USER_FIELDS, () => {
      const user = created.get(name);
      if (!user) throw new Error(`the user ${name} is created in beforeAll: use it inside a test or a hook`);
      return user;
    });
  }
  return handles;
}

/** Every field of TestApp and of TestUser (the compiler says when one is added and not listed). */
const TEST_APP_FIELDS: { [K in keyof TestApp]-?: true } = { app: true, http: true, db: true, database: true, url: true, close: true };
const TEST_USER_FIELDS: { [K in keyof TestUser]-?: true } = { id: true, email: true, role: true, countyCode: true, token: true, auth: true };

/** An object whose fields read those of `target()`, which exists only once a beforeAll has made it. */
function lateBound<T extends object>(fields: { [K in keyof T]-?: true }, target: () => T): T {
  const handle = {} as T;
  for (const key of Object.keys(fields) as (keyof T)[]) {
    Object.defineProperty(handle, key, { enumerable: true, get: () => target()[key] });
  }
  return handle;
}
