import { buildSchema, parse, validate } from 'graphql';
import { knownOperationTypesRule } from './known-operation-types.rule';
import { MAX_NESTING, nestsDeeperThan } from './max-nesting.middleware';

describe('nestsDeeperThan', () => {
  it('counts braces, brackets and parentheses together, and allows the limit itself', () => {
    expect(nestsDeeperThan('{ a(x: [{ b: 1 }]) { c } }', 4)).toBe(false);
    expect(nestsDeeperThan('{ a(x: [{ b: [1] }]) { c } }', 4)).toBe(true);
  });

  it('does not count brackets inside strings, block strings or comments', () => {
    const brackets = '{'.repeat(MAX_NESTING + 1);
    expect(nestsDeeperThan(`{ a(s: "${brackets}", t: """${brackets}""") } # ${brackets}`, 3)).toBe(
      false,
    );
  });

  it('stops at the first level past the limit, however deep the document goes (fuzz regression)', () => {
    expect(nestsDeeperThan(`{${' me {'.repeat(100_000)}`, MAX_NESTING)).toBe(true);
  });

  it('leaves a document it cannot lex to the parser', () => {
    expect(nestsDeeperThan('{ a(s: "unterminated {{{{{{', 5)).toBe(false);
  });
});

describe('knownOperationTypesRule', () => {
  const schema = buildSchema('type Query { a: Int } type Mutation { b: Int }');

  it('refuses a subscription on a schema without one (fuzz regression)', () => {
    const errors = validate(schema, parse('subscription { a }'), [knownOperationTypesRule]);
    expect(errors.map((error) => error.originalError?.name)).toEqual(['QueryRefusedError']);
  });

  it('lets queries and mutations through', () => {
    expect(
      validate(schema, parse('query { a } mutation { b }'), [knownOperationTypesRule]),
    ).toEqual([]);
  });
});
