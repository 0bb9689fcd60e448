/**
 * The layers of docs/architecture.md, checked by dependency-cruiser (`npm run lint:layers`).
 * TypeScript's project references already refuse a client import in the server and DOM or Node
 * code in shared/; these rules add what the compiler cannot see: import cycles, type-only
 * imports of the server by the client, and what pages and components may reach.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes module start-up order matter (see issue 12: session → sync → … → session).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-neither-side',
      severity: 'error',
      comment: 'shared/ runs in the browser and in Node: it imports neither client/ nor server/.',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'server-imports-no-client',
      severity: 'error',
      comment: 'The server never depends on browser code.',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-imports-server-types-only',
      severity: 'error',
      comment: 'The client may see the server only as types (the typed API): `import type`, erased at build.',
      from: { path: '^client/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'screens-use-data-commands',
      severity: 'error',
      comment:
        'Pages and components read through live-query controllers and write through data commands: ' +
        'never the Dexie database, the outbox, push, the document queue, dexie or the HTTP transport (issue 12, item 4).',
      // client/pages, client/components, and an area's (client/<area>/pages, …/components).
      from: { path: ['^client/(pages|components)/', '^client/[^/]+/(pages|components)/'] },
      to: {
        path: [
          '^client/data/db\\.ts$',
          '^client/data/outbox\\.ts$',
          '^client/data/push\\.ts$',
          '^client/data/document-queue\\.ts$',
          '^client/api/http\\.ts$',
          '(^|/)node_modules/dexie/',
        ],
      },
    },
    {
      name: 'screens-name-queries',
      severity: 'error',
      comment:
        'A screen names its query (LiveQueryController), which runs in the data worker: it imports a query module ' +
        'for its types only, so the page does not load the queries (client/data/named-queries.ts lists them).',
      from: { path: ['^client/(pages|components)/', '^client/[^/]+/(pages|components)/'] },
      to: {
        path: ['^client/[^/]+/data/[^/]+-queries\\.ts$', '^client/data/(named-queries|query-watch|query-host|shell-reads)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test-results|a11y/report|data)/' },
    // Keep `import type` edges, so the type-only rule can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
