import { CommanderError, type Command } from 'commander';
import type { CliContextOptions } from '../cli-context';
import { createCliProgram } from '../cli-program';

export interface CliRun {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

/**
 * Runs `npm run cli -- <args>` in this process, with everything it prints (its own lines and
 * commander's) captured, and its exit code.
 */
export async function runCli(context: CliContextOptions, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const configure = (command: Command): Command =>
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  const output = {
    out: (line: string) => (out += `${line}\n`),
    err: (line: string) => (err += `${line}\n`),
  };
  const program = configure(createCliProgram(output, context));
  program.commands.forEach(configure);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out, err, exitCode: error.exitCode };
  }
}
