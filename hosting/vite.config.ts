import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * One folder per page under src/, named after the page's URL segment (`src/ho-so/` is `/ho-so/`), with
 * its index.html beside its code; shared code lives in src/shared/, which has no index.html. Vite's root
 * is src/, so each page's HTML is built to the same place in dist/ (`dist/ho-so/index.html`), which is what
 * Firebase Hosting serves and what the rewrites in firebase.json name.
 */
const PAGES = resolve(import.meta.dirname, 'src');

/** The page served at `/`. Its folder is named like any other; only its HTML moves (to dist/portal.html, rootPageAtSlash). */
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

/**
 * The public citizen pages (landing, procedure, lookup, rating) and the apply wizard each wait for one
 * public API answer (the catalogue, the procedure, the lookup) before they are usable. Asked by the page's module, that request starts only after the HTML, the module and its
 * chunks have arrived and run: on slow 3G with a slow CPU, a whole extra round trip and more (issue 20,
 * bench/citizen-page.ts). A few bytes of inline script at the top of <head> (inline/early-fetch.js) start
 * it as soon as the HTML is parsed, and shared/api.ts hands that answer to the first call of the same URL.
 * The Content-Security-Policy allows that script by its hash and nothing else inline: the build fails
 * unless every CSP in firebase.json that applies to these pages names the script's current hash.
 */
function earlyFetchInto(pages: string[]): Plugin {
  const paths = pages.map((page) => `/${page}/index.html`);
  const script = readFileSync(resolve(import.meta.dirname, 'inline', 'early-fetch.js'), 'utf8');
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  // A URL of each page, to find the header rules of firebase.json that apply to it.
  const samples = ['/', '/thu-tuc/1.012790', '/nop-ho-so/1.012790', '/tra-cuu/000.00.01.H99-261102-0001', '/danh-gia/000.00.01.H99-261102-0001'];
  const config = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'firebase.json'), 'utf8')) as {
    hosting: { headers: { regex?: string; headers: { key: string; value: string }[] }[] };
  };
  for (const rule of config.hosting.headers) {
    if (!rule.regex || !samples.some((path) => new RegExp(rule.regex!).test(path))) continue;
    for (const header of rule.headers) {
      if (header.key === 'Content-Security-Policy' && !header.value.includes(hash)) {
        throw new Error(`firebase.json: the Content-Security-Policy of ${rule.regex} must allow inline/early-fetch.js: add ${hash} to its script-src`);
      }
    }
  }
  return {
    name: 'motcua-early-fetch',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!paths.includes(ctx.path)) return html;
        // Right after the charset and before any stylesheet: a classic script waits for the stylesheets
        // above it, which would hold the request back by the very round trip it is meant to save.
        const charset = /<meta charset="utf-8" ?\/?>/i;
        if (!charset.test(html)) throw new Error(`${ctx.path}: no <meta charset="utf-8"> to put the early request after`);
        return html.replace(charset, (meta) => `${meta}<script>${script}</script>`);
      },
    },
  };
}

/**
 * Pages the server sends with their first view already drawn (functions/src/platform/serve-pages.ts; issue 20):
 * their built HTML is also written to functions/page-templates/<page>.html, since a deployed function
 * cannot read Hosting's files (the functions' predeploy in firebase.json builds hosting first).
 */
function pageTemplatesFor(pages: string[]): Plugin {
  const out = resolve(import.meta.dirname, '..', 'functions', 'page-templates');
  return {
    name: 'motcua-page-templates',
    apply: 'build',
    writeBundle(_options, bundle) {
      mkdirSync(out, { recursive: true });
      for (const page of pages) {
        const html = bundle[page === ROOT_PAGE ? ROOT_PAGE_FILE : `${page}/index.html`];
        if (!html || html.type !== 'asset') return this.error(`${page}/index.html is not in the build`);
        writeFileSync(join(out, `${page}.html`), String(html.source));
      }
    },
  };
}

/**
 * The root page's HTML goes to dist/portal.html instead of dist/<ROOT_PAGE>/index.html. Not to
 * dist/index.html: Hosting would serve that file at `/` before any rewrite, and `/` is drawn by the api
 * function with the catalogue in it (functions/src/features/catalog/portal-page.ts); portal.html is what
 * any unknown address shows (the `**` rewrite of firebase.json), and the function's template.
 */
export const ROOT_PAGE_FILE = 'portal.html';
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
        this.emitFile({ type: 'asset', fileName: ROOT_PAGE_FILE, source: page.source });
      },
    },
  };
}

/**
 * My dossiers' and the lookup's HTML go to dist/ho-so.html and dist/tra-cuu.html instead of
 * dist/<page>/index.html: Hosting serves a folder's index.html at /<page>/ before any rewrite, and the api
 * function answers /ho-so/ (the citizen's list drawn when a page session allows,
 * functions/src/features/dossiers/my-dossiers-page.ts) and /tra-cuu/ (a code sent by the form before the
 * script has arrived goes to its lookup, functions/src/features/lookup/lookup-start-page.ts);
 * firebase.json sends /ho-so/<id> (the dossier page) to ho-so.html. Moved on disk once written, so the
 * page-template copy above still finds them in the bundle under their usual names.
 */
const BESIDE_THEIR_FOLDER = ['ho-so', 'tra-cuu'];
function pagesBesideTheirFolder(pages: string[]): Plugin {
  return {
    name: 'motcua-pages-beside-their-folder',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? resolve(import.meta.dirname, 'dist');
      for (const page of pages) {
        renameSync(join(dir, page, 'index.html'), join(dir, `${page}.html`));
        rmdirSync(join(dir, page)); // empty now: nothing left that Hosting could serve at /<page>/
      }
    },
  };
}

// Each page is its own small bundle; /api/** is rewritten to the `api` function (firebase.json).
export default defineConfig({
  root: PAGES,
  plugins: [
    inlineCssInto([ROOT_PAGE, 'tra-cuu', 'thu-tuc', 'nop-ho-so', 'danh-gia', 'ho-so']),
    earlyFetchInto([ROOT_PAGE, 'thu-tuc', 'nop-ho-so', 'tra-cuu', 'danh-gia']),
    rootPageAtSlash(),
    pageTemplatesFor([ROOT_PAGE, 'tra-cuu', 'thu-tuc', 'nop-ho-so', 'danh-gia', 'ho-so']),
    pagesBesideTheirFolder(BESIDE_THEIR_FOLDER),
  ],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      input: pageEntries(),
      output: {
        codeSplitting: {
          groups: chunkGroups(),
        },
      },
    },
  },
});

/**
 * Which shared modules travel together, by what they hold (issue 20, bench/citizen-page.ts). Left to
 * itself the bundler makes one file per set of pages sharing a module, so the signed-in citizen pages
 * fetched 18-21 files of 0.1-2 KB each; over HTTP/1.1 (six connections, the Hosting emulator) and on a
 * 400 ms link every wave of six costs a round trip, and HTTP/2 still pays per file. Each chunk below is
 * loaded only by pages that need most of it:
 *   firebase-app  the Firebase core and where its config comes from: every page with Auth or Firestore;
 *   common        the API client, i18n, DOM helpers, branding and the formats: what every public page loads
 *                 (a page missing format or phone pays < 0.5 KB, and saves the requests);
 *   signed-in     the signed-in call and form errors (the rating page has them before first use too);
 *   citizen-auth  Auth's light build, the citizen session and its stored token: no public or officer page
 *                 loads it before use (the rating page loads it with import() when the citizen signs in);
 *   dossier-kit   what applying, "my dossiers" and the officer pages share about a dossier.
 * Explicit module lists, without their dependencies: following imports would pull in the contract's
 * barrel (contract/index.ts re-exports every label) and grow `common` to 13 KB. Not used on purpose:
 * `experimentalInlineCommonChunks`, which needs `strictExecutionOrder` and so keeps every module of
 * that barrel (the portal's JS went from 8 to 16 KB). Rolldown's own 0.15 KB runtime stays a file of
 * its own (groups cannot take it).
 */
function chunkGroups() {
  const NM = String.raw`node_modules[\\/]`;
  const SHARED = String.raw`hosting[\\/]src[\\/]shared[\\/]`;
  const FN = String.raw`functions[\\/]src[\\/]`;
  const any = (...parts: string[]): RegExp => new RegExp(parts.join('|'));
  const chunks: { name: string; test: RegExp }[] = [
    {
      name: 'firebase-app',
      test: any(
        `${NM}(firebase[\\/]app|@firebase[\\/](app|component|util|logger)|idb)[\\/]`,
        `${SHARED}firebase-config\\.ts`,
        String.raw`[\\/]firebase\.json$`,
      ),
    },
    {
      name: 'common',
      test: any(
        `${SHARED}(api|i18n|branding|dom|format|phone)\\.ts`,
        `${SHARED}style\\.css`,
        `${FN}contract[\\/](routes|client|facts|index)\\.ts`,
        `${FN}domain[\\/]dossier[\\/]status-info\\.ts`,
        '@oxc-project[+]runtime',
        'modulepreload-polyfill',
      ),
    },
    { name: 'signed-in', test: any(`${SHARED}(session|form-errors)\\.ts`, 'vite[\\\\/]preload-helper') },
    {
      name: 'citizen-auth',
      test: any(
        `${NM}(firebase[\\/]auth[\\/]web-extension|@firebase[\\/]auth[\\/]dist[\\/]web-extension-esm)[\\/]`,
        `${SHARED}(citizen-firebase|citizen-session|stored-session|privacy-notice)\\.ts`,
        `${FN}domain[\\/]privacy[\\/]notice\\.ts`,
      ),
    },
    {
      name: 'dossier-kit',
      test: any(
        `${SHARED}(upload|dossier-code|reception|numbered|fee|slips|timestamps)\\.ts`,
        `${FN}domain[\\/](rule-set[\\/]behaviour|forms[\\/]official-forms|applicant[\\/]notification-defaults)\\.ts`,
      ),
    },
  ];
  return chunks.map((chunk, i) => ({
    ...chunk,
    priority: chunks.length - i,
    includeDependenciesRecursively: false,
  }));
}
