import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { schemaFileContent, writeSchemaFileIfChanged } from './schema-file';

describe('the committed schema file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-file-'));
  const path = join(dir, 'schema.gql');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written when missing or changed, and left untouched (its time too) when current', async () => {
    const first = buildSchema('type Query { b: Int a: String }');
    expect(await writeSchemaFileIfChanged(first, path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(schemaFileContent(first));
    expect(readFileSync(path, 'utf8')).toMatch(/type Query \{\n {2}a: String\n {2}b: Int\n\}$/);

    const longAgo = new Date('2026-01-01T00:00:00Z');
    utimesSync(path, longAgo, longAgo);
    expect(
      await writeSchemaFileIfChanged(buildSchema('type Query { a: String b: Int }'), path),
    ).toBe(false);
    expect(statSync(path).mtime).toEqual(longAgo);

    const second = buildSchema('type Query { a: String b: Int c: Boolean }');
    expect(await writeSchemaFileIfChanged(second, path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(schemaFileContent(second));
  });
});
