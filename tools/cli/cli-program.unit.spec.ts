import { CommanderError, type Command } from 'commander';
import { createCliProgram } from './cli-program';

async function run(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  const configure = (command: Command): Command =>
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  const program = configure(createCliProgram());
  program.commands.forEach(configure);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out, err, exitCode: error.exitCode };
  }
}

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
