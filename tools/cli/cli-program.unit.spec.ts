import { runCli } from './testing/run-cli';

// No database: these specs stop before one would be opened, in a directory where none exists.
const run = (...args: string[]) =>
  runCli({ environment: { NODE_ENV: 'test' }, root: '/nonexistent' }, ...args);

describe('npm run cli', () => {
  it('help lists the commands', async () => {
    const { out, exitCode } = await run('help');
    expect(exitCode).toBe(0);
    expect(out).toContain('Usage: npm run cli -- [options] [command]');
    expect(out).toMatch(/^ {2}help \[command\]/m);
  });

  it('help <command> shows that command', async () => {
    const { out, exitCode } = await run('help', 'help');
    expect(exitCode).toBe(0);
    expect(out).toContain('Usage: npm run cli -- help');
  });

  it('help lists create-operator and its options', async () => {
    expect((await run('help')).out).toMatch(/^ {2}create-operator \[options\]/m);
    const { out } = await run('help', 'create-operator');
    for (const option of ['--user-id', '--email', '--name', '--phone', '--role']) {
      expect(out).toContain(option);
    }
  });

  it('ACC-3: create-operator refuses bad input field by field, in Japanese, before opening any database', async () => {
    const { out, err, exitCode } = await run(
      'create-operator',
      '--user-id',
      'ops sato',
      '--email',
      'sato..x@example.jp',
      '--name',
      ' ',
      '--phone',
      '03-0000-0000',
      '--role',
      'CUSTOMER',
    );
    expect(exitCode).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([
      expect.stringMatching(/^userId: ユーザ IDに使用できない文字（U\+0020）/),
      expect.stringMatching(/^email: メールアドレスに「\.」を連続して入力できません。$/),
      'name: 名義を入力してください。',
      'role: 権限には OPERATOR か AUDITOR を指定してください。',
    ]);
  });

  it('create-operator requires every option', async () => {
    const { err, exitCode } = await run('create-operator', '--user-id', 'ops.sato');
    expect(exitCode).toBe(1);
    expect(err).toContain("required option '--email <address>' not specified");
  });

  it('an unknown command fails with its name and the usage', async () => {
    const { err, exitCode } = await run('no-such-command');
    expect(exitCode).toBe(1);
    expect(err).toContain("unknown command 'no-such-command'");
    expect(err).toContain('Usage: npm run cli --');
  });

  it('no command prints the usage and fails', async () => {
    const { err, exitCode } = await run();
    expect(exitCode).toBe(1);
    expect(err).toContain('Usage: npm run cli --');
  });
});
