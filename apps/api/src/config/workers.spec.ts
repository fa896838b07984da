import { workerCount } from './workers';

describe('workerCount', () => {
  it('is 1 unless API_WORKERS or WEB_CONCURRENCY says otherwise; API_WORKERS wins', () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: '3' }, 8)).toBe(3);
    expect(workerCount({ API_WORKERS: '2', WEB_CONCURRENCY: '3' }, 8)).toBe(2);
    expect(workerCount({ API_WORKERS: ' ' , WEB_CONCURRENCY: '4' }, 8)).toBe(4);
  });

  it('auto is one per core', () => {
    expect(workerCount({ API_WORKERS: 'auto' }, 6)).toBe(6);
  });

  it('refuses anything else, naming the setting', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '257']) {
      expect(() => workerCount({ API_WORKERS: bad }, 2)).toThrow(/"API_WORKERS" must be a whole number from 1 to 256, or auto/);
    }
    expect(() => workerCount({ WEB_CONCURRENCY: 'x' }, 2)).toThrow(/"WEB_CONCURRENCY"/);
  });
});
