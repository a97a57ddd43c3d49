import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRunners } from '@app/event-sourcing';
import { METERING_POINTS_PROJECTION } from '../../projections/metering-points.projection';
import { ImportMeteringPointsCommand } from './import-metering-points.command';
import { MeteringPointImport, type ImportReport } from './metering-point-import';

/**
 * The most data rows one upload takes. A row is about 60 bytes (100 with full-width digits), so
 * 500 rows stay well inside the API's 64 kB request body; a bigger file is split by the clerk.
 */
const MAX_UPLOAD_ROWS = 500;

/** Read-your-writes: the mutation answers once `meteringPoint` shows the import. */
const READ_MODEL_WAIT_MS = 5_000;

@CommandHandler(ImportMeteringPointsCommand)
export class ImportMeteringPointsHandler implements ICommandHandler<ImportMeteringPointsCommand> {
  constructor(
    @Inject(MeteringPointImport) private readonly importer: MeteringPointImport,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
  ) {}

  async execute({ csv, actor }: ImportMeteringPointsCommand): Promise<ImportReport> {
    const report = await this.importer.run(csv, actor, {
      policy: 'whole-file',
      maxRows: { rows: MAX_UPLOAD_ROWS, field: 'csv' },
    });
    if (report.checkpoint !== null) {
      await this.projections.awaitReadModels(
        [METERING_POINTS_PROJECTION],
        report.checkpoint,
        READ_MODEL_WAIT_MS,
      );
    }
    return report;
  }
}
