import { setTimeout as delay } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { ProjectionRunners } from '@app/event-sourcing';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

const RUNNER_START_TIMEOUT_MS = 15_000;

/**
 * Replays read models from the first event into fresh tables and swaps them in, while the live
 * ones keep serving (DESIGN.md, read models). Without a name, every projection in turn.
 */
export async function rebuildProjections(
  context: INestApplicationContext,
  name: string | undefined,
  output: CliOutput,
): Promise<void> {
  const runners = context.get(ProjectionRunners);
  if (name !== undefined && !runners.rebuildableNames.includes(name)) {
    throw new Error(`unknown projection '${name}'; known: ${runners.rebuildableNames.join(', ')}`);
  }
  for (const projection of name === undefined ? runners.rebuildableNames : [name]) {
    await untilRunning(runners, projection);
    const started = performance.now();
    await runners.rebuild(projection);
    const [status] = (await runners.status()).filter((each) => each.name === projection);
    const seconds = (performance.now() - started) / 1000;
    output.out(
      `${projection}: rebuilt to position ${status?.position ?? 0n} in ${seconds.toFixed(1)} s`,
    );
  }
}

/**
 * This process's runner starts with the context; rebuilding under its lock avoids racing it for
 * the lock. Another process (the API) may hold the lock instead: then this one never runs and the
 * rebuild is refused with that reason.
 */
async function untilRunning(runners: ProjectionRunners, name: string): Promise<void> {
  const deadline = Date.now() + RUNNER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const status = (await runners.status()).find((each) => each.name === name);
    if (status?.active) return;
    await delay(50);
  }
}

export function registerRebuildProjections(program: Command, output: CliOutput): void {
  program
    .command('rebuild-projections [name]')
    .description('rebuild one read model (or all) from the first event and swap it in')
    .action((name?: string) =>
      withCliContext((context) => rebuildProjections(context, name, output)),
    );
}
