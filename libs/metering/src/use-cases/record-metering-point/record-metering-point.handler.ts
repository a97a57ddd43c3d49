import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, ProjectionRunners, type FieldError } from '@app/event-sourcing';
import {
  MeteringRegistry,
  type MeteringPointSnapshot,
} from '../../infrastructure/metering-registry';
import { METERING_POINTS_PROJECTION } from '../../projections/metering-points.projection';
import { issuedPointIdAt, optionalMeterIdAt } from '../metering-input';
import { RecordMeteringPointCommand } from './record-metering-point.command';

/** Read-your-writes: the mutation answers once `meteringPoint` shows the write. */
const READ_MODEL_WAIT_MS = 5_000;

@CommandHandler(RecordMeteringPointCommand)
export class RecordMeteringPointHandler implements ICommandHandler<RecordMeteringPointCommand> {
  constructor(
    @Inject(MeteringRegistry) private readonly registry: MeteringRegistry,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
  ) {}

  async execute({ input, actor }: RecordMeteringPointCommand): Promise<MeteringPointSnapshot> {
    const pointId = issuedPointIdAt('input.pointId', input.pointId);
    const meterId = optionalMeterIdAt('input.meterId', input.meterId);
    const problems: FieldError[] = [];
    if (!pointId.ok) problems.push(pointId.error);
    if (!meterId.ok) problems.push(meterId.error);
    if (!pointId.ok || !meterId.ok) throw new InvalidInputError(problems);
    const { point, checkpoint } = await this.registry.record(
      pointId.value,
      { meterId: meterId.value, terminalType: input.terminalType, island: input.island },
      actor,
    );
    if (checkpoint !== null) {
      await this.projections.awaitReadModels(
        [METERING_POINTS_PROJECTION],
        checkpoint,
        READ_MODEL_WAIT_MS,
      );
    }
    return point;
  }
}
