// Import boundaries (run by `pnpm lint`): shared ← core ← api / worker; web → shared only; no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle couples modules that should layer; break it with a shared piece.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-only-shared',
      severity: 'error',
      comment: 'The console may use libs/shared and generated types only, never the server code.',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/(api|worker)|libs/(core|testing))/' },
    },
    {
      name: 'web-shared-pieces-not-modules',
      severity: 'error',
      comment: "The console's shared components, composables and utils serve every module: they never reach into one.",
      from: { path: '^apps/web/src/(components|composables|utils)/' },
      to: { path: '^apps/web/src/modules/' },
    },
    {
      name: 'web-workrooms-not-workroom',
      severity: 'error',
      comment:
        'The workroom module shows the legal/mediation/litigation-link panels on a case; they take shared pieces from src/components, never from it (no module cycle).',
      from: { path: '^apps/web/src/modules/(legal|mediation|litigation-link)/' },
      to: { path: '^apps/web/src/modules/workroom/' },
    },
    {
      name: 'public-only-shared',
      severity: 'error',
      comment: 'The public site may use libs/shared only: no console code, no server code.',
      from: { path: '^apps/public/' },
      to: { path: '^(apps/(api|worker|web)|libs/(core|testing))/' },
    },
    {
      name: 'worker-no-graphql',
      severity: 'error',
      comment: 'The worker is an application context: no GraphQL, no Apollo.',
      from: { path: '^apps/worker/src/' },
      to: { path: '(^|node_modules/)(graphql|@nestjs/graphql|@nestjs/apollo|@apollo/)' },
    },
    {
      name: 'api-not-worker',
      severity: 'error',
      comment: 'api and worker never import each other; what both need lives in libs/core.',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-not-api',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'core-not-apps',
      severity: 'error',
      comment: 'libs/core is the kernel under api and worker.',
      from: { path: '^libs/core/', pathNot: '\\.(spec|int-spec)\\.ts$' },
      to: { path: '^(apps/|libs/testing/)' },
    },
    {
      name: 'shared-framework-free',
      severity: 'error',
      comment: 'libs/shared is used by the browser too: no server code, no Nest, no TypeORM.',
      from: { path: '^libs/shared/' },
      to: { path: '^(apps/|libs/(core|testing)/)|node_modules/(@nestjs|typeorm|mysql2|bullmq|ioredis)' },
    },
    {
      name: 'runtime-not-testing',
      severity: 'error',
      comment: 'libs/testing is for tests only.',
      from: { path: '^(apps/[^/]+/src/|libs/(core|shared)/src/)', pathNot: '\\.(spec|int-spec|e2e)\\.ts$' },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.vue', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
