import { join, resolve } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// jest runs from the repository root, as `npm run depcruise` does.
const FIXTURES = resolve('tools/depcruise/fixtures');

async function cruiseWithProjectRules(
  paths: string[],
  overrides: ICruiseOptions = {},
): Promise<ICruiseResult> {
  const options = { ...(await extractDepcruiseOptions('./.dependency-cruiser.cjs')), ...overrides };
  const tsConfigFile = options.tsConfig?.fileName ?? 'tsconfig.json';
  const { output } = await cruise(paths, options, {}, { tsConfig: extractTSConfig(tsConfigFile) });
  if (typeof output === 'string') throw new Error('expected a cruise result, got a report');
  return output;
}

type Found = [rule: string, from: string, to: string];

/**
 * `../../node_modules/@scope/name/dist/index.js` → `@scope/name`; other paths unchanged. A worktree
 * whose node_modules links to another checkout resolves to `../../main/node_modules/…`.
 */
const packageOf = (path: string): string =>
  path.replace(/^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');

// Every bad import in the fixtures, with every rule it breaks; nothing else may be reported.
// A cycle is reported once, on the edge that closes it.
const EXPECTED: Found[] = [
  [
    'no-context-internals',
    'libs/applications/src/commands/uses-accounts-internals.ts',
    'libs/accounts/src/domain/account-id.ts',
  ],
  [
    'cross-context-through-alias',
    'libs/applications/src/commands/uses-accounts-internals.ts',
    'libs/accounts/src/domain/account-id.ts',
  ],
  [
    'cross-context-through-alias',
    'libs/applications/src/commands/relative-to-metering-index.ts',
    'libs/metering/src/index.ts',
  ],
  [
    'not-unresolvable',
    'libs/applications/src/commands/uses-accounts-internals-via-alias.ts',
    '@app/accounts/domain/account-id',
  ],
  [
    'metering-not-applications',
    'libs/metering/src/commands/reads-applications.ts',
    'libs/applications/src/index.ts',
  ],
  [
    'notifications-only-consumes',
    'libs/accounts/src/commands/mails-directly.ts',
    'libs/notifications/src/index.ts',
  ],
  [
    'kernel-knows-no-context',
    'libs/event-sourcing/src/knows-accounts.ts',
    'libs/accounts/src/index.ts',
  ],
  ['domain-is-pure', 'libs/applications/src/domain/uses-nest.ts', '@nestjs/common'],
  ['domain-is-pure', 'libs/applications/src/domain/uses-typeorm.ts', 'typeorm'],
  ['domain-is-pure', 'libs/applications/src/domain/uses-pg.ts', 'pg'],
  [
    'domain-is-pure',
    'libs/applications/src/domain/uses-commands.ts',
    'libs/applications/src/commands/submit-application.command.ts',
  ],
  [
    'domain-imports-kernel-types-only',
    'libs/applications/src/domain/uses-kernel-value.ts',
    'libs/event-sourcing/src/index.ts',
  ],
  [
    'apps-and-tools-use-public-api',
    'apps/api/src/reaches-into-accounts.ts',
    'libs/accounts/src/accounts.module.ts',
  ],
  [
    'apps-and-tools-use-public-api',
    'tools/cli/reaches-into-metering.ts',
    'libs/metering/src/domain/metering-point-id.ts',
  ],
  [
    'testing-only-from-tests',
    'libs/accounts/src/commands/uses-test-harness.ts',
    'libs/event-sourcing/src/testing/index.ts',
  ],
  [
    'no-orphans',
    'libs/applications/src/domain/forgotten-rule.ts',
    'libs/applications/src/domain/forgotten-rule.ts',
  ],
  [
    'no-circular',
    'libs/metering/src/registry/point-lookup.ts',
    'libs/metering/src/registry/point-registry.ts',
  ],
];

describe('dependency rules (.dependency-cruiser.cjs) on tools/depcruise/fixtures', () => {
  let found: Found[];

  beforeAll(async () => {
    const result = await cruiseWithProjectRules(['apps', 'libs', 'tools'], {
      baseDir: FIXTURES,
      tsConfig: { fileName: join(FIXTURES, 'tsconfig.json') },
    });
    found = result.summary.violations.map((v) => [v.rule.name, v.from, packageOf(v.to)]);
  });

  it.each(EXPECTED)('%s fails on %s -> %s', (rule, from, to) => {
    expect(found).toContainEqual([rule, from, to]);
  });

  it('reports nothing else: the good imports in the fixtures pass', () => {
    const key = ([rule, from, to]: Found) => `${rule} ${from} -> ${to}`;
    expect(found.map(key).sort()).toEqual(EXPECTED.map(key).sort());
  });

  it('keeps the fixtures out of the real run', async () => {
    const result = await cruiseWithProjectRules(['tools']);
    const sources = result.modules.map((module) => module.source);
    expect(sources).toContain('tools/depcruise/dependency-rules.unit.spec.ts');
    expect(sources.filter((source) => source.includes('/fixtures/'))).toEqual([]);
  });
});
