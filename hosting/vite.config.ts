import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * One folder per page under src/, named after the page's URL segment (`src/ho-so/` is `/ho-so/`), with
 * its index.html beside its code; shared code lives in src/shared/, which has no index.html. Vite's root
 * is src/, so each page's HTML is built to the same place in dist/ (`dist/ho-so/index.html`), which is what
 * Firebase Hosting serves and what the rewrites in firebase.json name.
 */
const PAGES = resolve(import.meta.dirname, 'src');

/** The page served at `/`. Its folder is named like any other; only its HTML moves to dist/index.html. */
const ROOT_PAGE = 'portal';

/** Every folder of src/ that holds an index.html is a page, and its build entry has the folder's name. */
function pageEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of readdirSync(PAGES, { withFileTypes: true })) {
    const html = join(PAGES, dir.name, 'index.html');
    if (dir.isDirectory() && existsSync(html)) entries[dir.name] = html;
  }
  if (!entries[ROOT_PAGE]) throw new Error(`src/${ROOT_PAGE}/index.html (the page served at /) is missing`);
  return entries;
}

/**
 * Pages a citizen usually opens first on a slow phone (the landing page, the receipt's QR lookup) get
 * their CSS inside the HTML: a linked stylesheet blocks the first paint for one more round trip, which
 * on slow 3G is most of the wait (bench/citizen-page.ts). The CSS files stay for the other pages.
 */
function inlineCssInto(pages: string[]): Plugin {
  // Vite names an HTML file by its place under the root (`/tra-cuu/index.html`), before rootPageAtSlash moves it.
  const paths = pages.map((page) => `/${page}/index.html`);
  return {
    name: 'motcua-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!paths.includes(ctx.path) || !ctx.bundle) return html;
        const bundle = ctx.bundle;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle[file];
          return asset && asset.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
        });
      },
    },
  };
}

/** Writes the root page's HTML to dist/index.html instead of dist/<ROOT_PAGE>/index.html. */
function rootPageAtSlash(): Plugin {
  const from = `${ROOT_PAGE}/index.html`;
  return {
    name: 'motcua-root-page',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle[from];
        if (!page || page.type !== 'asset') return this.error(`${from} is not in the build`);
        delete bundle[from];
        // Asset and script URLs in the HTML are absolute (base '/'), so the file can move as it is.
        this.emitFile({ type: 'asset', fileName: 'index.html', source: page.source });
      },
    },
  };
}

// Each page is its own small bundle; /api/** is rewritten to the `api` function (firebase.json).
export default defineConfig({
  root: PAGES,
  plugins: [inlineCssInto([ROOT_PAGE, 'tra-cuu']), rootPageAtSlash()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: { input: pageEntries() },
  },
});
