import { CommanderError } from 'commander';
import { createCliProgram } from './cli-program';

createCliProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // Commander has already printed its own usage errors.
    if (!(error instanceof CommanderError)) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  });
