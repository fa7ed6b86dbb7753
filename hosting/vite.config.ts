import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One entry per page (each its own small bundle): the citizen portal (/), procedure details (/thu-tuc/),
// the application wizard (/nop-ho-so/), my dossiers (/ho-so/), lookup (/tra-cuu/), rating (/danh-gia/),
// the desk kiosk (/kiosk/), transparency (/minh-bach/) and the officer dashboard (/can-bo/). The built dist/ folder
// is what Firebase Hosting serves; /api/** is rewritten to the `api` function (firebase.json).
export default defineConfig({
  root: __dirname,
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
