import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Pages a citizen usually opens first on a slow phone (the landing page, the receipt's QR lookup) get
 * their CSS inside the HTML: a linked stylesheet blocks the first paint for one more round trip, which
 * on slow 3G is most of the wait (bench/citizen-page.ts). The CSS files stay for the other pages.
 */
function inlineCssInto(pages: string[]): Plugin {
  return {
    name: 'motcua-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!pages.includes(ctx.path) || !ctx.bundle) return html;
        const bundle = ctx.bundle;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle[file];
          return asset && asset.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
        });
      },
    },
  };
}

// One entry per page (each its own small bundle): the citizen portal (/), procedure details (/thu-tuc/),
// the application wizard (/nop-ho-so/), my dossiers (/ho-so/), lookup (/tra-cuu/), rating (/danh-gia/),
// the desk kiosk (/kiosk/), transparency (/minh-bach/) and the officer dashboard (/can-bo/). The built dist/ folder
// is what Firebase Hosting serves; /api/** is rewritten to the `api` function (firebase.json).
export default defineConfig({
  root: __dirname,
  plugins: [inlineCssInto(['/index.html', '/tra-cuu/index.html'])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        portal: resolve(__dirname, 'index.html'),
        officer: resolve(__dirname, 'can-bo/index.html'),
        lookup: resolve(__dirname, 'tra-cuu/index.html'),
        procedure: resolve(__dirname, 'thu-tuc/index.html'),
        apply: resolve(__dirname, 'nop-ho-so/index.html'),
        myDossiers: resolve(__dirname, 'ho-so/index.html'),
        rating: resolve(__dirname, 'danh-gia/index.html'),
        kiosk: resolve(__dirname, 'kiosk/index.html'),
        transparency: resolve(__dirname, 'minh-bach/index.html'),
      },
    },
  },
});
