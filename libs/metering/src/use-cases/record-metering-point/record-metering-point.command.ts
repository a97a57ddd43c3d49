import type { Actor } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { MeteringPointSnapshot } from '../../infrastructure/metering-registry';
import type { MeteringPointRecordInput } from './record-metering-point.input';

/** MTR-1: an operator records a new point or corrects a known one. */
export class RecordMeteringPointCommand extends Command<MeteringPointSnapshot> {
  constructor(
    readonly input: MeteringPointRecordInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
