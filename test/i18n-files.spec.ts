import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * "Adding a language is one file of messages" (#17): apps/web/src/i18n/i18n.tsx takes every
 * `<code>.ts` beside it that exports its messages as `<code>`, and the language's own name and
 * BCP 47 tag come from the file (`language.name`, `language.short`, `language.tag`). A message
 * file that breaks the convention would be silently skipped by the app: it fails here instead.
 */
const dir = path.resolve(__dirname, '../apps/web/src/i18n');
const files = readdirSync(dir).filter((f) => /^[\w-]+\.ts$/.test(f));

describe('the web app’s message files', () => {
  it('are zh and en at least', () => {
    expect(files).toEqual(expect.arrayContaining(['en.ts', 'zh.ts']));
  });

  it.each(files)('%s exports its messages under its own name, with the language’s name, short name and tag', (file) => {
    const code = file.replace(/\.ts$/, '');
    const source = readFileSync(path.join(dir, file), 'utf8');
    expect(source).toMatch(new RegExp(`^export const ${code.replace('-', '_')}\\b`, 'm'));
    for (const key of ['language.name', 'language.short', 'language.tag']) expect(source).toMatch(new RegExp(`^\\s*'${key}':\\s*'[^']+',`, 'm'));
    const tag = /^\s*'language\.tag':\s*'([^']+)'/m.exec(source)![1];
    expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(tag.toLowerCase() === code.toLowerCase() || tag.toLowerCase().startsWith(`${code.toLowerCase()}-`)).toBe(true);
  });
});
