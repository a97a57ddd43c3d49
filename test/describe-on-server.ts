import { testDatabaseTargets, type TestDatabaseTarget } from './database';

/**
 * Runs `suite` once per PostgreSQL server target. Without TEST_DATABASE_URL the suite is
 * registered as one skipped test that says why, so a newcomer's `npm test` neither fails on an
 * empty `describe.each` table nor counts an unrun suite as passing.
 */
export function describeOnServer(title: string, suite: (target: TestDatabaseTarget) => void): void {
  const server = testDatabaseTargets().find((target) => target.kind === 'postgres');
  if (server) describe(`${title} on postgres`, () => suite(server));
  else
    describe(title, () =>
      it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => undefined),
    );
}
