import { buildSchema, parse, validate } from 'graphql';
import { maxDepthRule } from './max-depth.rule';

const schema = buildSchema(`
  type Node { value: String, child: Node }
  type Query { node: Node }
`);

const errorsOf = (query: string, maxDepth = 3) =>
  validate(schema, parse(query), [maxDepthRule(maxDepth)]).map((error) => error.message);

describe('maxDepthRule', () => {
  it('counts a root field as depth 1 and allows the limit itself', () => {
    expect(errorsOf('{ node { child { value } } }')).toEqual([]);
    expect(errorsOf('{ node { child { child { value } } } }')).toEqual([
      'リクエストの階層が深すぎます（4 階層、上限 3 階層）。',
    ]);
  });

  it('follows named and inline fragments', () => {
    const query = `{ node { ... on Node { child { ...Deeper } } } }
      fragment Deeper on Node { child { value } }`;

    expect(errorsOf(query)).toHaveLength(1);
  });

  it('leaves unknown fragments and fragment cycles to the standard rules instead of throwing', () => {
    expect(errorsOf('{ node { ...Missing } }')).toEqual([]);
    expect(errorsOf('{ node { ...A } } fragment A on Node { child { ...A } }')).toEqual([]);
  });

  it('does not count introspection fields', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { name } } } } } }', 1)).toEqual(
      [],
    );
  });

  it('stays fast when fragments fan out exponentially', () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      `fragment F${i} on Node { child { ...F${i + 1} } value }`.replace('...F40', 'value'),
    ).join('\n');
    const started = Date.now();

    expect(errorsOf(`{ node { ...F0 ...F0 } } ${fragments}`, 100)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
