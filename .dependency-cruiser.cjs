// The house's boundaries, checked by `npm run lint` (docs/ARCHITECTURE.md draws them):
//   domain ← contract ← platform ← store ← features ← index.ts        hosting → contract (+ domain)
// Each rule names the layer it protects. Type-only imports count for the layering (a type is a
// dependency on a shape); what ships in a page bundle is checked apart, on the compiled graph
// (.dependency-cruiser.bundles.cjs).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make load order matter and hide which module owns a fact.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders form a hierarchy too: if a/ uses b/, then b/ does not use a/ (domain/lifecycle ⇄ domain/dossier was one).',
      scope: 'folder',
      from: { path: '^functions/src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'functions/src/domain is the law as pure TypeScript (docs/adr/0002-pure-domain.md): it imports only itself, zod and a portable hash library.',
      from: { path: '^functions/src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^functions/src/domain/', 'node_modules/zod/', 'node_modules/@noble/hashes/'] },
    },
    {
      name: 'contract-on-domain-only',
      severity: 'error',
      comment: 'The contract (docs/adr/0003-contract.md) is shared by server, pages and tests: it imports only the domain.',
      from: { path: '^functions/src/contract/' },
      to: { pathNot: ['^functions/src/contract/', '^functions/src/domain/'] },
    },
    {
      name: 'platform-below-store-and-features',
      severity: 'error',
      comment: 'platform/ is Firebase and HTTP plumbing: it knows nothing of stored documents or features.',
      from: { path: '^functions/src/platform/' },
      to: { path: ['^functions/src/store/', '^functions/src/features/', '^functions/src/index\\.ts$'] },
    },
    {
      name: 'store-below-features',
      severity: 'error',
      comment: 'store/ maps documents to domain objects; features use it, never the other way round.',
      from: { path: '^functions/src/store/' },
      to: { path: ['^functions/src/features/', '^functions/src/index\\.ts$'] },
    },
    {
      name: 'no-feature-to-feature',
      severity: 'error',
      comment: 'A feature is one capability; what two features share belongs in domain, contract, store or platform.',
      from: { path: '^functions/src/features/([^/]+)/' },
      to: { path: '^functions/src/features/', pathNot: '^functions/src/features/$1/' },
    },
    {
      name: 'only-wiring-imports-features',
      severity: 'error',
      comment: 'Deployed functions are wired in index.ts; nothing else in the bundle reaches into a feature.',
      from: { path: '^functions/src/', pathNot: ['^functions/src/features/', '^functions/src/index\\.ts$'] },
      to: { path: '^functions/src/features/' },
    },
    {
      name: 'hosting-on-contract',
      severity: 'error',
      comment: 'Pages see the server only through the contract (types may come from the pure domain); never store, platform or features.',
      from: { path: '^hosting/src/' },
      to: { path: '^functions/src/', pathNot: ['^functions/src/contract/', '^functions/src/domain/'] },
    },
    {
      name: 'hosting-runs-contract-only',
      severity: 'error',
      comment: 'At run time a page imports only the contract, which re-exports the zod-free facts of the domain.',
      from: { path: '^hosting/src/' },
      to: { path: '^functions/src/', pathNot: '^functions/src/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'bundle-holds-no-tests',
      severity: 'error',
      comment: 'Deployed code never imports test code or test support.',
      from: { path: '^functions/src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests are leaves: they may import anything; what matters is that nothing deployed imports them.
    exclude: { path: ['^functions/lib/', '^hosting/dist/', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
