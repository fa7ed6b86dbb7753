// What ships to a browser, on the graph as compiled (type-only imports erased): the contract and the pages
// must not pull zod or any server code into a page bundle. Run by `npm run lint` after the layer rules.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-ships-no-zod',
      severity: 'error',
      comment: 'The contract is imported by every page: at run time it reaches only zod-free modules.',
      from: { path: '^functions/src/contract/' },
      to: { path: ['node_modules/zod/', 'node_modules/firebase-admin/', 'node_modules/firebase-functions/'], reachable: true },
    },
    {
      name: 'pages-ship-no-server-code',
      severity: 'error',
      comment: 'A page bundle carries no zod (the server validates) and no Admin SDK.',
      from: { path: '^hosting/src/[^/]+/main\\.ts$' },
      to: { path: ['node_modules/zod/', 'node_modules/firebase-admin/', 'node_modules/firebase-functions/'], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^functions/lib/', '^hosting/dist/', '\\.test\\.ts$'] },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
