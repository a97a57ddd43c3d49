import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges } from 'graphql';
import { testDatabaseTargets } from '@test/database';
import { startTestApp, type TestApp } from './test-app';

// The served schema does not depend on the database, so one target is enough.
const [target] = testDatabaseTargets();

describe('the GraphQL contract', () => {
  let api: TestApp;

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    api = await startTestApp(target);
  });
  afterAll(async () => api?.close());

  it('the served schema has every type, field, argument and enum value of the contract', () => {
    const contract = buildSchema(
      // The repo's copy of ../shared/contract/schema.graphql: CI clones may lack ../shared.
      readFileSync(resolve(process.cwd(), 'apps/api/contract/schema.graphql'), 'utf8'),
    );
    const { schema } = api.app.get(GraphQLSchemaHost);
    expect(findBreakingChanges(contract, schema).map((change) => change.description)).toEqual([]);
  });
});
