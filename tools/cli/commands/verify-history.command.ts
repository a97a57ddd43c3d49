import type { INestApplicationContext } from '@nestjs/common';
import { APPLICATION_STREAM_PREFIX, applicationStream } from '@app/applications';
import { EVENT_STORE, type Checkpoint, type EventStore } from '@app/event-sourcing';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

export interface HistoryCheck {
  readonly streams: number;
  readonly broken: number;
}

/**
 * Recomputes the hash chain of one application's history, or of every application's, and reports
 * each broken one with its first broken revision (the auditor's proof that nothing was edited).
 */
export async function verifyHistory(
  context: INestApplicationContext,
  applicationId: number | undefined,
  output: CliOutput,
): Promise<HistoryCheck> {
  const store = context.get<EventStore>(EVENT_STORE);
  const streams =
    applicationId === undefined
      ? await applicationStreams(store)
      : [applicationStream(applicationId)];
  let broken = 0;
  for (const stream of streams) {
    const result = await store.verifyStream(stream);
    if (result.events === 0) {
      output.err(`${stream}: no such history`);
      broken += 1;
    } else if (!result.intact) {
      output.out(
        `${stream}: BROKEN at revision ${result.firstBrokenRevision} (${result.events} events)`,
      );
      broken += 1;
    } else if (applicationId !== undefined) {
      output.out(`${stream}: intact (${result.events} events)`);
    }
  }
  output.out(`${streams.length} histories checked, ${broken} broken`);
  return { streams: streams.length, broken };
}

async function applicationStreams(store: EventStore): Promise<string[]> {
  const streams = new Set<string>();
  let after: Checkpoint | null = null;
  for (;;) {
    const batch = await store.readAll({
      after,
      filter: { streamPrefixes: [APPLICATION_STREAM_PREFIX] },
      batchSize: 5000,
    });
    for (const event of batch.events) streams.add(event.stream);
    after = batch.checkpoint ?? after;
    if (batch.isEnd) return [...streams];
  }
}

export function registerVerifyHistory(program: Command, output: CliOutput): void {
  program
    .command('verify-history [applicationId]')
    .description("recompute the hash chain of one application's history, or of all of them")
    .action(async (id?: string) => {
      const applicationId = id === undefined ? undefined : Number(id);
      if (applicationId !== undefined && !Number.isSafeInteger(applicationId)) {
        throw new Error(`not an application ID: ${id}`);
      }
      const { broken } = await withCliContext((context) =>
        verifyHistory(context, applicationId, output),
      );
      if (broken > 0) process.exitCode = 1;
    });
}
