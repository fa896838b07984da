import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedDir = path.resolve(here, '../../libs/shared/src');

/**
 * libs/shared is plain TypeScript the web app may import. Its folder may also
 * hold compiled CommonJS (.js) beside the sources; always take the .ts file.
 */
function sharedTypeScriptSources(): Plugin {
  return {
    name: 'farmlink-shared-ts',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@farmlink/shared') return path.join(sharedDir, 'index.ts');
      if (source.startsWith('@farmlink/shared/')) return path.join(sharedDir, `${source.slice('@farmlink/shared/'.length)}.ts`);
      if (importer && importer.startsWith(sharedDir) && source.startsWith('.')) {
        const file = path.resolve(path.dirname(importer), `${source}.ts`);
        if (existsSync(file)) return file;
      }
      return null;
    },
  };
}

/** Writes .br and .gz beside each text asset; the API serves them to clients that accept them. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'farmlink-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|svg|json|webmanifest)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

const apiTarget = process.env.FARMLINK_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [sharedTypeScriptSources(), react(), precompress()],
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 2048,
    // Each area is its own chunk (route-level code splitting); chart.js only on officer pages.
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    fs: { allow: [here, sharedDir] },
  },
  preview: { proxy: { '/api': { target: apiTarget } } },
});
