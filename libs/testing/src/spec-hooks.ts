import { createTestApp, TestApp } from './create-test-app';
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
  return {
    get app() {
      return started().app;
    },
    get db() {
      return started().db;
    },
    get database() {
      return started().database;
    },
    get url() {
      return started().url;
    },
    http: () => started().http(),
    close: () => started().close(),
  };
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
