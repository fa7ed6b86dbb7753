import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two entry pages: the citizen portal (/) and the officer dashboard (/can-bo/). The built dist/ folder
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
      },
    },
  },
});
