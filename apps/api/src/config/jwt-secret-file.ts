import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The JWT secret of an instance that runs on its embedded database: 256
 * random bits made on first start and kept in `file` (mode 0600) beside the
 * database's data, so tokens survive restarts and no secret is ever written in
 * the code. Refuses a file that others may read.
 */
export function loadOrCreateJwtSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': create only if absent, so two processes starting at once keep one secret.
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} may be read by other users (mode ${mode.toString(8)}): chmod 600 it, or set JWT_SECRET`);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`${file} does not hold a 256-bit hex secret: delete it to make a new one, or set JWT_SECRET`);
  return secret;
}
