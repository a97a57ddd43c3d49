import { isLostMidStatement, isStoreUnreachable } from './store-unreachable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isStoreUnreachable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['an admin shutdown', withCode('terminating connection', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception', withCode('connection does not exist', '08003')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['a wrapped cause', new Error('outer', { cause: withCode('x', 'ECONNREFUSED') })],
    [
      'a TypeORM driver error',
      Object.assign(new Error('q'), { driverError: withCode('x', '08006') }),
    ],
  ])('recognises %s', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a syntax error', withCode('syntax error', '42601')],
    ['a plain error naming a socket code in its text', new Error('connect ECONNREFUSED')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not take %s for an unreachable store', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(false);
  });
});

describe('isLostMidStatement', () => {
  it('is true for a connection lost while a statement ran, whose write may have landed', () => {
    expect(isLostMidStatement(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isLostMidStatement(withCode('terminating connection', '57P01'))).toBe(true);
  });

  it('is false when no connection was made, so nothing can have been written', () => {
    expect(isLostMidStatement(withCode('connect ECONNREFUSED', 'ECONNREFUSED'))).toBe(false);
    expect(isLostMidStatement(new Error('timeout exceeded when trying to connect'))).toBe(false);
    expect(isLostMidStatement(withCode('starting up', '57P03'))).toBe(false);
    expect(isLostMidStatement(withCode('duplicate key', '23505'))).toBe(false);
  });
});
