// Runs a TypeScript script as one JavaScript file bundled by esbuild, for the tools an operator runs
// against a real project (`npm run admin`): started this way the import of a province's 2,000 procedures
// is spared tsx's loader (a second JavaScript thread compiling every module on the fly), which added about
// 70 MB and a slower start (npm run bench -- import; docs/adr/0007-import-files.md; docs/IMPORT.md, "Memory").
// Dependencies stay in node_modules (`packages: 'external'`); the bundle is built at every start (a
// fraction of a second) into a file of this process's own, removed when it exits, so it never runs stale
// code and two runs at once do not overwrite each other. The bundle sits two folders below the repository,
// as scripts/lib does, so modules that find the repository from their own path find the same one.
//   node scripts/run-bundled.mjs scripts/admin.ts <arguments…>
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [arguments…]');
  process.exit(2);
}
const outfile = join(root, '.cache', 'bundles', basename(entry).replace(/\.ts$/u, `-${process.pid}.mjs`));
process.on('exit', () => rmSync(outfile, { force: true }));
await build({
  entryPoints: [resolve(root, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
