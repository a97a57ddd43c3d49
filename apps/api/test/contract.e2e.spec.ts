import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges } from 'graphql';
import { testDatabaseTargets } from '@test/database';
import { startTestApp, type TestApp } from './test-app';

// The served schema does not depend on the database, so one target is enough.
const [target] = testDatabaseTargets();
const REPO_COPY = resolve(process.cwd(), 'apps/api/contract/schema.graphql');
const SHARED_CONTRACT = resolve(process.cwd(), '../shared/contract/schema.graphql');

describe('the GraphQL contract', () => {
  let api: TestApp;

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    api = await startTestApp(target);
  });
  afterAll(async () => api?.close());

  it('the served schema has every type, field, argument and enum value of the contract', () => {
    const contract = buildSchema(readFileSync(REPO_COPY, 'utf8'));
    const { schema } = api.app.get(GraphQLSchemaHost);
    expect(findBreakingChanges(contract, schema).map((change) => change.description)).toEqual([]);
  });

  // The agreed contract lives beside the repo; a clone without it still checks the copy above.
  const shared = existsSync(SHARED_CONTRACT) ? it : it.skip;
  shared('the repo copy is the shared contract as it is now (../shared/contract)', () => {
    expect(readFileSync(REPO_COPY, 'utf8')).toBe(readFileSync(SHARED_CONTRACT, 'utf8'));
  });
});
