import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Dependencies run one way (../shared/DESIGN.md, "Which way dependencies run"):
 * a lib imports only libs below it in LAYERS. apps/api is the composition root
 * and may import any lib; libs/testing serves the tests and may too; the web app
 * imports only `shared`. A lib missing from LAYERS fails the test, so a new lib
 * must be given its place here.
 */
const LAYERS = ['shared', 'common', 'database', 'audit', 'notifications', 'regions', 'identity', 'cooperatives', 'catalog', 'payments', 'orders', 'reports'];
const EXEMPT = new Set(['testing']);

const ROOT = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [full] : [];
  });
}

/** The libs a file imports: through the `@farmlink/<lib>` alias, or by a relative path into another lib. */
function importedLibs(file: string, ownLib: string | null): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const libs = new Set<string>();
  for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    const alias = /^@farmlink\/([a-z-]+)/.exec(spec);
    if (alias) libs.add(alias[1]);
    else if (spec.startsWith('.')) {
      const target = path.relative(path.join(ROOT, 'libs'), path.resolve(path.dirname(file), spec));
      const lib = target.startsWith('..') ? null : target.split(path.sep)[0];
      if (lib && lib !== ownLib) libs.add(lib);
    }
  }
  return [...libs];
}

describe('layering: dependencies run one way', () => {
  const libs = fs.readdirSync(path.join(ROOT, 'libs')).filter((d) => fs.statSync(path.join(ROOT, 'libs', d)).isDirectory());

  it('gives every lib a place in the layer order', () => {
    expect(libs.filter((l) => !LAYERS.includes(l) && !EXEMPT.has(l))).toEqual([]);
  });

  it('has no lib importing a lib at its own level or above', () => {
    const offences: string[] = [];
    for (const lib of libs.filter((l) => LAYERS.includes(l))) {
      const level = LAYERS.indexOf(lib);
      for (const file of sourceFiles(path.join(ROOT, 'libs', lib))) {
        for (const dep of importedLibs(file, lib)) {
          if (dep === lib) continue;
          if (EXEMPT.has(dep) && /\.spec\.ts$|[\\/]test[\\/]/.test(file)) continue; // a lib's own tests may use libs/testing
          if (!LAYERS.includes(dep) || LAYERS.indexOf(dep) >= level) offences.push(`${path.relative(ROOT, file)} imports ${dep}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps the web app on `shared` only', () => {
    const offences = sourceFiles(path.join(ROOT, 'apps/web/src')).flatMap((file) =>
      importedLibs(file, null)
        .filter((dep) => dep !== 'shared')
        .map((dep) => `${path.relative(ROOT, file)} imports ${dep}`),
    );
    expect(offences).toEqual([]);
  });

  it('catches an upward import (the checker itself works)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-layers-'));
    const probe = path.join(dir, 'probe.ts');
    fs.writeFileSync(probe, "import { OrdersModule } from '@farmlink/orders';\nimport { trim } from '@farmlink/common/query-transforms';\n");
    try {
      expect(importedLibs(probe, 'shared').sort()).toEqual(['common', 'orders']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
