import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on the embedded defaults with nothing set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' },
      database: { url: undefined, schema: 'public', poolSize: 10 },
      eventStoreUrl: undefined,
      mail: { smtpUrl: undefined, from: 'no-reply@b-route.example.jp' },
      graphql: { maxDepth: 10, maxCost: 1000, maxAliases: 15 },
    });
  });

  it('reads servers and limits', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://b-route.example.jp/',
      DATABASE_URL: 'postgres://app:secret@db:5432/broute',
      DATABASE_SCHEMA: 'broute',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      SMTP_URL: 'smtp://mail:1025',
      MAIL_FROM: 'Bルート申込 <no-reply@example.jp>',
      GRAPHQL_MAX_COST: '500',
    });

    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'https://b-route.example.jp',
    });
    expect(config.database.url).toBe('postgres://app:secret@db:5432/broute');
    expect(config.eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(config.mail.from).toBe('Bルート申込 <no-reply@example.jp>');
    expect(config.graphql.maxCost).toBe(500);
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });

  it('lists every bad value by name in one error', () => {
    const bad = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/x',
      NODE_ENV: 'staging',
      DATABASE_SCHEMA: 'Bad-Name',
    };

    const error = captured(() => loadConfig(bad));

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      Object.keys(bad).sort(),
    );
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  });
});

function captured(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
