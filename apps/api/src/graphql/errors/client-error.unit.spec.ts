import { ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import {
  AppendOutcomeUnknownError,
  DomainError,
  ErrorCode,
  InvalidInputError,
  WrongExpectedRevisionError,
} from '@app/event-sourcing';
import { GraphQLError } from 'graphql';
import { INTERNAL_SERVER_ERROR, toClientError } from './client-error';
import { QueryRefusedError } from './query-refused.error';

/** How graphql-js hands a resolver's throw to Apollo: wrapped, with the field's path. */
const thrownByResolver = (error: unknown) =>
  new GraphQLError(error instanceof Error ? error.message : String(error), {
    path: ['application'],
    originalError: error instanceof Error ? error : undefined,
  });

/** How Apollo reports a request it refused before execution. */
const apolloError = (code: string, message: string, originalError?: Error) =>
  new GraphQLError(message, { extensions: { code }, originalError });

describe('toClientError', () => {
  it("keeps a domain error's code and message, and adds no fields when it names none", () => {
    const error = new DomainError(ErrorCode.ACCOUNT_LOCKED, 'アカウントがロックされています。');

    expect(toClientError(thrownByResolver(error))).toEqual({
      code: ErrorCode.ACCOUNT_LOCKED,
      message: 'アカウントがロックされています。',
    });
  });

  it("lists an input error's fields in input order", () => {
    const fields = [
      { field: 'customer.name', code: 'NOT_FULL_WIDTH', message: '全角で入力してください。' },
      {
        field: 'meteringPoints.0.pointId',
        code: 'INVALID_CHECK_DIGIT',
        message: '供給地点特定番号が正しくありません。',
      },
    ];

    expect(toClientError(thrownByResolver(new InvalidInputError(fields)))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: '入力内容に誤りがあります。',
      fields,
    });
  });

  it('APP-2: lists the fields another refusal names (the changed terms at termsVersion)', () => {
    const fields = [
      { field: 'termsVersion', code: 'TERMS_OUTDATED', message: '利用規約が改定されています。' },
    ];
    const conflict = new DomainError(ErrorCode.CONFLICT, '利用規約が改定されています。', {
      fields,
      reason: 'TERMS_OUTDATED',
    });

    expect(toClientError(thrownByResolver(conflict))).toEqual({
      code: ErrorCode.CONFLICT,
      message: '利用規約が改定されています。',
      fields,
    });
  });

  it('gives a refused query its reason', () => {
    const refused = new QueryRefusedError('QUERY_TOO_DEEP', 'クエリの階層が深すぎます。');
    const validation = apolloError('GRAPHQL_VALIDATION_FAILED', refused.message, refused);

    expect(toClientError(validation)).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'クエリの階層が深すぎます。',
      fields: [],
      reason: 'QUERY_TOO_DEEP',
    });
  });

  it('turns a lost optimistic-concurrency race into CONFLICT', () => {
    const client = toClientError(
      thrownByResolver(new WrongExpectedRevisionError('application-7', 3, 4)),
    );

    expect(client.code).toBe(ErrorCode.CONFLICT);
    expect(client.message).not.toMatch(/application-7|revision/);
  });

  it.each([
    [new UnauthorizedException(), ErrorCode.UNAUTHENTICATED],
    [new ForbiddenException('Forbidden resource'), ErrorCode.FORBIDDEN],
    [new HttpException('slow down', 429), ErrorCode.RATE_LIMITED],
    [new HttpException('Bad Request', 400), ErrorCode.BAD_USER_INPUT],
    [new HttpException('boom', 500), INTERNAL_SERVER_ERROR],
  ])(
    'maps a Nest HTTP exception from a guard or pipe (%s) to %s, in Japanese',
    (exception, code) => {
      const client = toClientError(thrownByResolver(exception));

      expect(client.code).toBe(code);
      expect(client.message).not.toMatch(/[A-Za-z]{4}/);
    },
  );

  it.each([
    ['GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED'],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "nope" on type "Query".',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'GraphQL introspection is not allowed by Apollo Server',
      'INTROSPECTION_DISABLED',
    ],
    [
      'BAD_USER_INPUT',
      'Variable "$id" got invalid value "x"; Int cannot represent non-integer value: "x"',
      'INVALID_VARIABLES',
    ],
    [
      'BAD_REQUEST',
      'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).',
      'CSRF_PREVENTED',
    ],
    ['BAD_REQUEST', 'Operation batching disabled.', 'BATCHING_DISABLED'],
    [
      'OPERATION_RESOLUTION_FAILURE',
      'Unknown operation named "X".',
      'OPERATION_RESOLUTION_FAILURE',
    ],
  ])(
    'refuses a request Apollo reports as %s in Japanese, keeping its words as detail',
    (code, message, reason) => {
      const client = toClientError(apolloError(code, message));

      expect(client).toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [],
        reason,
        detail: message,
      });
      expect(client.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    },
  );

  it.each([
    [
      'Too many errors processing variables, error limit reached. Execution aborted.',
      'INVALID_VARIABLES',
    ],
    ['provided sha does not match query', 'PERSISTED_QUERY_NOT_SUPPORTED'],
    ['Unsupported persisted query version', 'PERSISTED_QUERY_NOT_SUPPORTED'],
  ])(
    "refuses a request graphql-js or Apollo refuse without a code (%s) as the client's (fuzz regression)",
    (message, reason) => {
      expect(toClientError(new GraphQLError(message))).toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [],
        reason,
      });
    },
  );

  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'a server shutting down (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    [
      'a pool that found no connection in time',
      new Error('timeout exceeded when trying to connect'),
    ],
    ['a closed PGlite', new Error('PGlite is closed')],
    [
      "TypeORM's wrapper of a driver error",
      Object.assign(new Error('Query failed'), {
        driverError: withCode('connection failure', '08006'),
      }),
    ],
  ])('answers UNAVAILABLE, never internal, for %s (issue 9)', (_, error) => {
    const client = toClientError(thrownByResolver(error));

    expect(client.code).toBe(ErrorCode.UNAVAILABLE);
    expect(client.message).toMatch(/一時的に/);
    expect(client.message).not.toMatch(/[A-Za-z]{4}/);
  });

  it('says a write whose answer was lost may have been done (UNAVAILABLE, OUTCOME_UNKNOWN)', () => {
    const lost = new AppendOutcomeUnknownError(['application-7'], {
      cause: new Error('Connection terminated unexpectedly'),
    });

    expect(toClientError(thrownByResolver(lost))).toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      reason: 'OUTCOME_UNKNOWN',
      message: expect.stringMatching(/完了したかを確認できませんでした/),
    });
  });

  it.each([
    [
      'a plain Error from a resolver',
      thrownByResolver(new Error('connect ECONNREFUSED 10.0.0.5:5432')),
    ],
    [
      'a GraphQLError a resolver threw with a contract code',
      thrownByResolver(new GraphQLError('x', { extensions: { code: 'NOT_FOUND' } })),
    ],
    [
      'a non-null violation',
      new GraphQLError('Cannot return null for non-nullable field Query.me.', { path: ['me'] }),
    ],
    ['a thrown string', 'oops'],
    ['nothing at all', undefined],
  ])('treats %s as internal, with a generic message', (_, error) => {
    expect(toClientError(error)).toEqual({
      code: INTERNAL_SERVER_ERROR,
      message:
        '申し訳ございません。システムで予期しないエラーが発生いたしました。お手数ですが、時間をおいて再度お試しください。',
    });
  });
});
