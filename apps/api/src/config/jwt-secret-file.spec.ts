import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadOrCreateJwtSecret } from './jwt-secret-file';

describe('loadOrCreateJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes a random 256-bit secret once, in a file of mode 0600, and reuses it', () => {
    const file = path.join(dir, '.data', 'jwt-secret');
    const first = loadOrCreateJwtSecret(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateJwtSecret(file)).toBe(first);
    // Another installation gets another secret.
    expect(loadOrCreateJwtSecret(path.join(dir, 'other', 'jwt-secret'))).not.toBe(first);
  });

  it('refuses a secret file others may read, and one that does not hold a secret', () => {
    const file = path.join(dir, 'jwt-secret');
    loadOrCreateJwtSecret(file);
    fs.chmodSync(file, 0o644);
    expect(() => loadOrCreateJwtSecret(file)).toThrow(/chmod 600/);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'change-me\n');
    expect(() => loadOrCreateJwtSecret(file)).toThrow(/256-bit/);
  });
});
