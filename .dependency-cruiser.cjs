// Layer and context boundaries (DESIGN.md "Layout", STYLE.md principles 1, 2 and 8).
// Run with `npm run depcruise`; tools/depcruise/dependency-rules.unit.spec.ts shows that each
// rule fails on a bad import.

// A library's only doors: `src/index.ts`, and `src/testing/index.ts` for test support; the
// kernel also opens `src/domain/index.ts`, its plain-TypeScript half that domain/ folders use.
const PUBLIC_ENTRY = '^libs/([^/]+/src/(testing/)?|event-sourcing/src/domain/)index\\.ts$';
const KERNEL_DOMAIN = '^libs/event-sourcing/src/domain/';
// Test support: the root test/ folder, and any testing/ or test/ folder in apps, libs and tools.
const TEST_SUPPORT = '^(test/|(apps|libs|tools)/.*/(testing|test)/)';
/** Benches drive the real system as specs do (e.g. the SMTP server that takes its mail). */
const TEST_CODE = ['\\.spec\\.ts$', TEST_SUPPORT, '^tools/bench/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-context-internals',
      comment: 'A context reaches another only through its src/index.ts (`@app/<context>`).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', PUBLIC_ENTRY] },
    },
    {
      name: 'cross-context-through-alias',
      comment: 'Import another context as `@app/<context>`, not by a relative path.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: '^libs/$1/',
        dependencyTypes: ['local'],
        dependencyTypesNot: ['aliased'],
      },
    },
    {
      name: 'metering-not-applications',
      comment: 'Metering is upstream of applications and never depends on it.',
      severity: 'error',
      from: { path: '^libs/metering/' },
      to: { path: '^libs/applications/' },
    },
    {
      name: 'notifications-only-consumes',
      comment: 'Notifications consumes other contexts’ events; no context depends on it.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/notifications/' },
      to: { path: '^libs/notifications/' },
    },
    {
      name: 'kernel-knows-no-context',
      comment: 'The event-sourcing kernel serves every context and depends on none.',
      severity: 'error',
      from: { path: '^libs/event-sourcing/' },
      to: { path: '^libs/', pathNot: '^libs/event-sourcing/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is plain TypeScript: no Nest, TypeORM, pg, Node modules or other layers; ' +
        'only its own domain folder, its context’s messages.ts (plain sentences), the kernel’s ' +
        'port types (`@app/event-sourcing`) and the kernel’s domain half (`@app/event-sourcing/domain`).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      // messages.ts is the context's wording as plain data (DESIGN.md layout): the decisions
      // phrase their refusals with it, so it is the one file outside domain/ they may import.
      to: {
        pathNot: [
          '^libs/$1/src/domain/',
          '^libs/$1/src/messages\\.ts$',
          '^libs/event-sourcing/src/index\\.ts$',
          KERNEL_DOMAIN,
        ],
      },
    },
    {
      name: 'messages-are-plain',
      comment:
        'A context’s messages.ts is wording only: the domain imports it, so it imports nothing.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/messages\\.ts$' },
      to: {},
    },
    {
      name: 'domain-imports-kernel-types-only',
      comment:
        'A value import of `@app/event-sourcing` loads the adapters (pg, TypeORM) into the ' +
        'domain; use `import type { … }`.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/event-sourcing/src/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'apps-and-tools-use-public-api',
      comment: 'Apps and tools import a library only through `@app/<library>`.',
      severity: 'error',
      from: { path: '^(apps|tools)/' },
      to: { path: '^libs/', pathNot: PUBLIC_ENTRY },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'Test support (jest harnesses, test databases) stays out of production code.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_SUPPORT },
    },
    {
      name: 'no-orphans',
      comment:
        'A file that imports nothing and that nothing imports is dead code (knip finds files ' +
        'no entry reaches). Specs, type declarations, configuration and entry points may stand alone.',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.spec\\.ts$',
          '\\.d\\.ts$',
          '(^|/)[^/]+\\.config\\.(js|cjs|mjs|ts)$',
          '(^|/)codegen\\.(js|cjs|mjs|ts)$',
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|json)$',
          '(^|/)tsconfig[^/]*\\.json$',
          '^apps/[^/]+/src/main\\.ts$',
          '^tools/cli/main\\.ts$',
          '^tools/bench/[^/]+/[^/]+\\.bench\\.ts$',
          '^tools/[^/]+/[^/]+\\.mjs$',
          '^test/global-(setup|teardown)\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-unresolvable',
      comment: 'An import that does not resolve (e.g. `@app/<context>/<internal path>`).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The portal's generated operations import a types-only package.
    exclude: { path: ['^tools/depcruise/fixtures/', '^dist/', '^var/', '^apps/portal/src/gql/'] },
    // Keeps `import type` edges, which the domain rules tell apart from value imports.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
