import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

const KEY = randomBytes(32);
const PRODUCTION_SERVERS = {
  DATABASE_URL: 'postgres://broute@db.example.jp:5432/broute',
  SMTP_URL: 'smtps://mail.example.jp:465',
  PUBLIC_URL: 'https://broute.example.jp',
};

describe('loadConfig', () => {
  it('ACC-8 / APP-2: the mail addresses, signature and terms default to the FAQ’s and can be set', () => {
    expect(loadConfig({}).terms).toEqual({ version: undefined, url: undefined });
    const config = loadConfig({
      SUPPORT_EMAIL: 'support@example.jp',
      MAIL_SIGNATURE: '東都電力株式会社 高圧Bルートサービス受付',
      TERMS_VERSION: '2026-04-01',
      TERMS_URL: 'https://example.jp/terms.pdf',
    });
    expect(config.mail).toMatchObject({
      supportEmail: 'support@example.jp',
      signature: '東都電力株式会社 高圧Bルートサービス受付',
    });
    expect(config.terms).toEqual({ version: '2026-04-01', url: 'https://example.jp/terms.pdf' });
    expect(() => loadConfig({ SUPPORT_EMAIL: 'not an address' })).toThrow(/SUPPORT_EMAIL/u);
  });

  it('runs on the embedded defaults with nothing set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' },
      database: { url: undefined, schema: 'public', poolSize: 10 },
      eventStoreUrl: undefined,
      mail: { smtpUrl: undefined, from: 'lhtepcopg@tepcoco.jp' },
      graphql: { maxDepth: 10, maxCost: 5000, maxAliases: 15, maxTokens: 5000 },
      scheduledJobs: true,
      trustProxy: [],
      loginThrottle: {
        maxFailuresPerUserAndAddress: 10,
        userAndAddressWindowMs: 900_000,
        maxFailuresPerAddress: 300,
        addressWindowMs: 3_600_000,
        freeFailuresPerAddress: 20,
      },
      actionThrottle: { register: { perAddress: 20, overall: 1000, windowMs: 3_600_000 } },
      backOfficeContact: 'Kouatsu2023@tepcoco.jp',
      mfaIssuer: '高圧Bルートサービス',
    });
  });

  it('reads servers and limits', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://b-route.example.jp/',
      DATABASE_URL: 'postgres://app:secret@db:5432/broute',
      DATABASE_SCHEMA: 'broute',
      PII_MASTER_KEY: KEY.toString('base64'),
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      SMTP_URL: 'smtp://mail:1025',
      MAIL_FROM: '高圧Bルートサービス <no-reply@example.jp>',
      SUPPORT_EMAIL: 'support@example.jp',
      GRAPHQL_MAX_COST: '500',
      LOGIN_FAILURES_PER_ADDRESS: '5',
      LOGIN_FAILURES_PER_ADDRESS_WINDOW_SECONDS: '60',
      TRUST_PROXY: '10.0.0.0/8, ::1,loopback',
      MFA_ISSUER: 'B-route (staging)',
    });

    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'https://b-route.example.jp',
    });
    expect(config.database.url).toBe('postgres://app:secret@db:5432/broute');
    expect(config.eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(config.mail.from).toBe('高圧Bルートサービス <no-reply@example.jp>');
    expect(config.graphql.maxCost).toBe(500);
    expect(config.loginThrottle).toMatchObject({
      maxFailuresPerAddress: 5,
      addressWindowMs: 60_000,
    });
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(config.backOfficeContact).toBe('support@example.jp');
    expect(config.mfaIssuer).toBe('B-route (staging)');
  });

  it('refuses a TRUST_PROXY entry that is no address, CIDR or named range', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8, proxy.example.jp' })).toThrow(
      /TRUST_PROXY/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('reads the mail retry policy and polling interval, with production defaults', () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'lhtepcopg@tepcoco.jp',
      supportEmail: 'Kouatsu2023@tepcoco.jp',
      signature: '東京電力パワーグリッド株式会社',
      directory: './var/mail',
      pollIntervalMs: 1000,
      leaseMs: 300_000,
      retry: { initialDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10 },
    });
    const config = loadConfig({
      MAIL_POLL_INTERVAL_MS: '50',
      MAIL_LEASE_MS: '20000',
      MAIL_RETRY_INITIAL_DELAY_MS: '100',
      MAIL_RETRY_MAX_DELAY_MS: '400',
      MAIL_RETRY_MAX_ATTEMPTS: '3',
    });
    expect(config.mail).toMatchObject({
      pollIntervalMs: 50,
      leaseMs: 20_000,
      retry: { initialDelayMs: 100, maxDelayMs: 400, maxAttempts: 3 },
    });
    const error = captured(() =>
      loadConfig({ MAIL_RETRY_INITIAL_DELAY_MS: '5000', MAIL_RETRY_MAX_DELAY_MS: '1000' }),
    ) as ConfigError;
    expect(error.problems).toEqual([
      'MAIL_RETRY_MAX_DELAY_MS: must not be below MAIL_RETRY_INITIAL_DELAY_MS',
    ]);
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

describe('PII_MASTER_KEY', () => {
  const server = 'postgres://app:secret@db:5432/broute';

  it('reads base64 of 32 bytes as the key', () => {
    const config = loadConfig({ PII_MASTER_KEY: KEY.toString('base64'), DATABASE_URL: server });

    expect(config.pii.masterKey?.equals(KEY)).toBe(true);
  });

  it('leaves it to the key file with the embedded database outside production', () => {
    expect(loadConfig({}).pii.masterKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', PII_MASTER_KEY: '' }).pii.masterKey).toBeUndefined();
  });

  it.each([
    ['31 bytes', randomBytes(31).toString('base64'), /exactly 32 bytes/],
    ['33 bytes', randomBytes(33).toString('base64'), /exactly 32 bytes/],
    ['hex', randomBytes(32).toString('hex'), /exactly 32 bytes/],
    ['base64url', Buffer.alloc(32, 0xfb).toString('base64url'), /must be base64/],
    ['not base64', 'correct horse battery staple!', /must be base64/],
    ['unpadded', KEY.toString('base64').replace(/=+$/, ''), /exactly 32 bytes/],
  ])('refuses %s, naming the variable once', (_kind, value, message) => {
    const error = captured(() => loadConfig({ PII_MASTER_KEY: value })) as ConfigError;

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PII_MASTER_KEY: /);
    expect(error.problems[0]).toMatch(message);
    expect(error.message).not.toContain(value);
  });

  it('is required in production, with or without a database server', () => {
    for (const environment of [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', DATABASE_URL: server },
    ]) {
      const error = captured(() => loadConfig(environment)) as ConfigError;

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^HISTORY_SIGNING_KEY: required in production/),
          expect.stringMatching(/^PII_MASTER_KEY: required in production/),
        ]),
      );
    }
    expect(
      loadConfig({
        ...PRODUCTION_SERVERS,
        NODE_ENV: 'production',
        PII_MASTER_KEY: KEY.toString('base64'),
        HISTORY_SIGNING_KEY: KEY.toString('base64'),
      }).pii.masterKey,
    ).toEqual(KEY);
  });

  it('is required with DATABASE_URL outside production, telling to set it', () => {
    for (const env of ['development', 'test']) {
      const error = captured(() => loadConfig({ NODE_ENV: env, DATABASE_URL: server }));

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain(
        'PII_MASTER_KEY: required with DATABASE_URL: set PII_MASTER_KEY',
      );
    }
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

describe('HISTORY_SIGNING_KEY', () => {
  it('takes an Ed25519 private key as PEM (also with \\n for line breaks) or base64', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const text of [pem, pem.replace(/\n/g, '\\n'), KEY.toString('base64')]) {
      expect(loadConfig({ HISTORY_SIGNING_KEY: text }).history.signingKey?.type).toBe('private');
    }
    const signingKey = loadConfig({ HISTORY_SIGNING_KEY: pem }).history.signingKey;
    expect(signingKey && createPublicKey(signingKey).equals(publicKey)).toBe(true);
  });

  it('is optional outside production (./var/history-signing.key) and refuses anything else', () => {
    expect(loadConfig({}).history).toEqual({
      signingKey: undefined,
      checkpointEveryEvents: 1000,
      checkpointEverySeconds: 60,
    });
    const error = captured(() => loadConfig({ HISTORY_SIGNING_KEY: 'not-a-key' })) as ConfigError;
    expect(error.problems).toEqual([
      expect.stringMatching(/^HISTORY_SIGNING_KEY: must be an Ed25519 private key/),
    ]);
  });
});

describe('issue 11 §7: safe defaults in production', () => {
  const keys = {
    NODE_ENV: 'production',
    PII_MASTER_KEY: KEY.toString('base64'),
    HISTORY_SIGNING_KEY: KEY.toString('base64'),
  };

  it('starts with a database server, an SMTP server, an https PUBLIC_URL and both keys', () => {
    const config = loadConfig({ ...keys, ...PRODUCTION_SERVERS });

    expect(config.env).toBe('production');
    expect(config.http.publicUrl).toBe('https://broute.example.jp');
    expect(config.mail.smtpUrl).toBe('smtps://mail.example.jp:465');
  });

  it('refuses to start without SMTP_URL, saying why in English', () => {
    const error = captured(() =>
      loadConfig({ ...keys, ...PRODUCTION_SERVERS, SMTP_URL: '' }),
    ) as ConfigError;

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([expect.stringMatching(/^SMTP_URL: required in production/)]);
  });

  it('refuses a missing or plain-http PUBLIC_URL', () => {
    for (const PUBLIC_URL of ['', 'http://broute.example.jp']) {
      const error = captured(() =>
        loadConfig({ ...keys, ...PRODUCTION_SERVERS, PUBLIC_URL }),
      ) as ConfigError;

      expect(error.problems).toEqual([
        expect.stringMatching(/^PUBLIC_URL: required in production as an https:\/\/ URL/),
      ]);
    }
  });

  it('refuses the embedded database unless ALLOW_EMBEDDED_DATABASE=true', () => {
    const embedded = { ...keys, ...PRODUCTION_SERVERS, DATABASE_URL: '' };
    const error = captured(() => loadConfig(embedded)) as ConfigError;

    expect(error.problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: required in production: the embedded database/),
    ]);
    expect(error.message).toContain('ALLOW_EMBEDDED_DATABASE=true');
    expect(loadConfig({ ...embedded, ALLOW_EMBEDDED_DATABASE: 'true' }).database.url).toBe(
      undefined,
    );
    expect(() => loadConfig({ ...embedded, ALLOW_EMBEDDED_DATABASE: 'yes' })).toThrow(
      /ALLOW_EMBEDDED_DATABASE/,
    );
  });

  it('lists every missing setting at once', () => {
    const error = captured(() => loadConfig({ NODE_ENV: 'production' })) as ConfigError;

    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'HISTORY_SIGNING_KEY',
      'PII_MASTER_KEY',
      'PUBLIC_URL',
      'SMTP_URL',
    ]);
  });
});

describe('SECURITY_EVENTS_RETENTION_DAYS', () => {
  it('keeps security events a year unless set', () => {
    expect(loadConfig({}).securityEventsRetentionDays).toBe(365);
    expect(loadConfig({ SECURITY_EVENTS_RETENTION_DAYS: '90' }).securityEventsRetentionDays).toBe(
      90,
    );
    expect(() => loadConfig({ SECURITY_EVENTS_RETENTION_DAYS: '0' })).toThrow(
      /SECURITY_EVENTS_RETENTION_DAYS/,
    );
  });
});
