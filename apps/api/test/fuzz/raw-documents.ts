import fc from 'fast-check';
import { hostileString } from './hostile-values';

/** One HTTP request to `/graphql` as a hostile client may write it, byte for byte. */
export interface RawRequest {
  /** What kind of abuse this is, for the report. */
  readonly kind: string;
  readonly method: 'GET' | 'POST';
  /** Query string for GET, without `?`. */
  readonly search?: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const JSON_TYPE = { 'content-type': 'application/json' };

const post = (kind: string, document: unknown, headers: Record<string, string> = JSON_TYPE) => ({
  kind,
  method: 'POST' as const,
  headers,
  body: typeof document === 'string' ? document : JSON.stringify(document),
});

/** `{ me { me { … } } }`-style selections, list values and object values nested `depth` deep. */
const deepNesting = fc
  .tuple(
    fc.constantFrom(11, 64, 500, 3_000, 10_000, 40_000),
    fc.constantFrom('selection', 'list', 'object', 'fragment', 'variable-default'),
  )
  .map(([depth, shape]) => {
    switch (shape) {
      case 'selection':
        return post('deep nesting', {
          query: `{${' me {'.repeat(depth)} id ${'}'.repeat(depth)} }`,
        });
      case 'list':
        return post('deep nesting', {
          query: `{ application(id: ${'['.repeat(depth)}1${']'.repeat(depth)}) { id } }`,
        });
      case 'object':
        return post('deep nesting', {
          query: `mutation { recordMeteringPoint(input: ${'{ pointId: "x", a: '.repeat(depth)}1${' }'.repeat(depth)}) { pointId } }`,
        });
      case 'fragment':
        return post('deep nesting', {
          query: `{ me { ...F0 } } ${Array.from({ length: Math.min(depth, 2_000) }, (_, i) => `fragment F${i} on Account { id ...F${i + 1} }`).join(' ')} fragment F${Math.min(depth, 2_000)} on Account { id }`,
        });
      default:
        return post('deep nesting', {
          query: `query($v: Int = ${'['.repeat(depth)}${']'.repeat(depth)}) { today }`,
        });
    }
  });

const manyAliases = fc
  .tuple(
    fc.constantFrom(16, 200, 1_000, 5_000),
    fc.constantFrom('today', 'me { id }', 'login(userId: "a", password: "b") { accessToken }'),
  )
  .map(([count, field]) => {
    const operation = field.startsWith('login') ? 'mutation' : 'query';
    return post('many aliases', {
      query: `${operation} { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`,
    });
  });

const longDocument = fc
  .tuple(
    fc.constantFrom(10_000, 60_000, 200_000),
    fc.constantFrom('fields', 'comment', 'string', 'whitespace', 'directives'),
  )
  .map(([length, shape]) => {
    const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length));
    const query = {
      fields: `{ ${fill('today ')} }`,
      comment: `# ${fill('x')}\n{ today }`,
      string: `{ meteringPoint(pointId: "${fill('0')}") { pointId } }`,
      whitespace: `{${fill(' \n\t,')}today }`,
      directives: `{ today ${fill('@skip(if: false) ')} }`,
    }[shape];
    return post('very long document', { query });
  });

const malformedJson = fc
  .constantFrom(
    '{"query": ',
    '{"query": "{ today }"',
    '{query: "{ today }"}',
    "{'query': '{ today }'}",
    '',
    'null',
    '[]',
    '"{ today }"',
    '{"query": null}',
    '{"query": 1}',
    '{"query": ["{ today }"]}',
    '{"query": "{ today }", "variables": "x"}',
    '{"query": "{ today }", "variables": [1]}',
    '{"query": "{ today }", "operationName": 7}',
    '{"query": "{ today }", "extensions": "x"}',
    '{"query": "{ today }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}',
    '\ufeff{"query": "{ today }"}',
    '{"query": "{ today }"}garbage',
    '{"query": "\\ud800"}',
    '{"query": "{ today }", "__proto__": {"polluted": true}}',
    '{"query": "{ today }", "variables": {"__proto__": {"x": 1}}}',
    '1e999999',
    `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    `{"query": "{ today }", "variables": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
  )
  .map((body) => post('malformed JSON', body));

const invalidUtf8 = fc
  .constantFrom([0xff, 0xfe], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe3, 0x81], [0x00])
  .map((bytes) => ({
    kind: 'malformed JSON',
    method: 'POST' as const,
    headers: JSON_TYPE,
    body: new Uint8Array([
      ...Buffer.from('{"query": "{ meteringPoint(pointId: \\"'),
      ...bytes,
      ...Buffer.from('\\") { pointId } }"}'),
    ]),
  }));

const wrongContentType = fc
  .tuple(
    fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/graphql',
      'application/xml',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/graphql-response+json',
      '*/*',
      '',
    ),
    fc.boolean(),
  )
  .map(([type, preflight]) => ({
    kind: 'wrong content type',
    method: 'POST' as const,
    headers: {
      ...(type ? { 'content-type': type } : {}),
      ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
    },
    body: type.startsWith('application/x-www')
      ? 'query=%7B%20today%20%7D'
      : '{"query": "{ today }"}',
  }));

const oddOperations = fc
  .constantFrom(
    'subscription { today }',
    'subscription S { me { id } }',
    'subscription { today } query { today }',
    '{ today } { today }',
    'query A { today } query A { today }',
    'query { ...Missing }',
    'query { me { ...A } } fragment A on Account { ...B } fragment B on Account { ...A }',
    'query($x: Int!) { today }',
    'query { today(unknown: 1) }',
    'query { __schema { types { name } } }',
    'query { __typename }',
    'mutation { __typename }',
    'mutation { logout }',
    'query { meteringPoint(pointId: "\\u0000") { pointId } }',
    'query { searchApplications(filter: { customerName: "\\u0000" }) { total } }',
    'query { searchApplications(filter: {}, limit: 2147483647) { total items { id } } }',
    'query { application(id: 99999999999) { id } }',
    '{ today @include(if: "yes") }',
    '{ today @unknown }',
    '"""description""" query { today }',
    'query { today } # \u0000',
    'query { today } \u0000',
    '{ today }\ufeff',
  )
  .map((query) => post('odd operation', { query }));

const withOperationName = fc
  .tuple(
    fc.constantFrom('query A { today } query B { today }', '{ today }'),
    fc.oneof(hostileString, fc.constant('C')),
  )
  .map(([query, operationName]) => post('odd operation', { query, operationName }));

const batched = fc
  .constantFrom([{ query: '{ today }' }, { query: '{ today }' }], [], [null])
  .map((batch) => post('batched request', batch));

const getRequests = fc
  .constantFrom(
    'query=%7B%20today%20%7D',
    'query=mutation%20%7B%20logout%20%7D',
    'query=subscription%20%7B%20today%20%7D',
    'query=%7B%20today%20%7D&variables=%7B',
    'query=%7B%20today%20%7D&extensions=x',
    'query=',
    '',
    'query=%00',
    'query=%ZZ',
  )
  .chain((search) =>
    fc
      .constantFrom<Record<string, string>>({}, { 'apollo-require-preflight': 'true' })
      .map((headers) => ({
        kind: 'GET request',
        method: 'GET' as const,
        search,
        headers,
      })),
  );

/** Requests that break the document, the JSON around it or the HTTP around that. */
export const rawRequests: fc.Arbitrary<RawRequest> = fc.oneof(
  deepNesting,
  manyAliases,
  longDocument,
  malformedJson,
  invalidUtf8,
  wrongContentType,
  oddOperations,
  withOperationName,
  batched,
  getRequests,
);
