import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('dist/apps/api/src/main.js');

interface Start {
  readonly status: number | null;
  readonly problems: string[];
  readonly message: string;
}

/** `npm start` as an operator runs it, in a directory of its own (no .env, no ./var). */
function start(environment: Record<string, string>): Start {
  const directory = mkdtempSync(join(tmpdir(), 'production-start-'));
  try {
    const run = spawnSync(process.execPath, [MAIN], {
      cwd: directory,
      env: { PATH: process.env.PATH ?? '', ...environment },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const line = run.stdout.split('\n').find((text) => text.includes('"level":60'));
    const fatal = (line ? JSON.parse(line) : {}) as { problems?: string[]; msg?: string };
    return { status: run.status, problems: fatal.problems ?? [], message: fatal.msg ?? run.stdout };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('issue 11 §7: the compiled API refuses an unsafe production start', () => {
  beforeAll(() => {
    // The compiled API, as `npm start` runs it (rebuilt first when sources changed).
    execFileSync(process.execPath, ['tools/build/build-if-stale.mjs'], { stdio: 'ignore' });
  }, 600_000);

  it('exits 1 with one fatal English line naming every missing setting', () => {
    const run = start({ NODE_ENV: 'production' });

    expect(run.status).toBe(1);
    expect(run.message).toMatch(/^invalid configuration \(see \.env\.example\)/);
    expect(run.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'HISTORY_SIGNING_KEY',
      'PII_MASTER_KEY',
      'PUBLIC_URL',
      'SMTP_URL',
    ]);
  }, 120_000);

  it('refuses a plain-http PUBLIC_URL and the embedded database unless allowed', () => {
    const run = start({
      NODE_ENV: 'production',
      PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      HISTORY_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
      SMTP_URL: 'smtp://127.0.0.1:1',
      PUBLIC_URL: 'http://broute.example.jp',
    });

    expect(run.status).toBe(1);
    expect(run.problems).toEqual([
      expect.stringMatching(/^PUBLIC_URL: required in production as an https:\/\/ URL/),
      expect.stringMatching(/^DATABASE_URL: required in production: the embedded database/),
    ]);
  }, 120_000);
});
