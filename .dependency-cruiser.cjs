/**
 * The layering of DESIGN §2, enforced by `test/architecture.test.ts` (part of `npm test`) and by
 * `npm run check:deps`. Dependencies point one way: entrypoints → workflows → core; adapters
 * implement ports; transforms implement the core's Transform interface.
 */
const io = '^(node:)?(fs|fs/promises|child_process|http|https|http2|net|dgram|dns|tls|worker_threads|cluster|readline)$';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-outer-layer',
      comment: 'src/core is pure: it imports no adapter, workflow, entrypoint, sandbox, config or transform code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(adapters|workflows|entrypoints|sandbox|config)/|transforms/)' },
    },
    {
      name: 'core-does-no-io',
      comment: 'src/core does no I/O: file system, processes and network belong to adapters.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: io },
    },
    {
      name: 'core-modules-meet-at-their-index',
      comment: 'One core module uses another only through its index.ts.',
      severity: 'error',
      from: { path: '^src/core/([^/]+)/' },
      to: { path: '^src/core/[^/]+/.+', pathNot: ['^src/core/$1/', '^src/core/[^/]+/index\\.ts$'] },
    },
    {
      name: 'transforms-use-core-only',
      comment: 'Transforms implement the core Transform interface; they reach core through module indexes only.',
      severity: 'error',
      from: { path: '^transforms/' },
      to: {
        path: '^src/',
        pathNot: ['^src/core/[^/]+/index\\.ts$', '^src/core/index\\.ts$'],
      },
    },
    {
      name: 'adapters-stay-below-workflows',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(workflows|entrypoints|sandbox)/' },
    },
    {
      name: 'workflows-stay-below-entrypoints',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: { path: '^src/(entrypoints|sandbox)/' },
    },
    {
      name: 'no-circular-runtime-imports',
      severity: 'error',
      from: { path: '^(src|transforms)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^fixtures/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
