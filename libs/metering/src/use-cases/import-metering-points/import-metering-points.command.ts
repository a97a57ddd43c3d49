import type { Actor } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { ImportReport } from './metering-point-import';

/** MTR-1: an operator uploads a registry CSV file from the portal. */
export class ImportMeteringPointsCommand extends Command<ImportReport> {
  constructor(
    readonly csv: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
