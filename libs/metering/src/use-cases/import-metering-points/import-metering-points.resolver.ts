import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentAccount,
  GqlAuthGuard,
  Roles,
  RolesGuard,
  type SessionAccount,
} from '@app/accounts';
import { ImportMeteringPointsCommand } from './import-metering-points.command';
import { MeteringImportReportModel } from './metering-import-report.model';
import type { ImportReport } from './metering-point-import';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ImportMeteringPointsResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => MeteringImportReportModel, {
    description:
      'MTR-1: records or corrects the points of a CSV file (point_id,meter_id,terminal_type,island; ' +
      'at most 500 rows). Whole file or nothing: one bad row and nothing is recorded.',
  })
  @Roles('OPERATOR')
  async importMeteringPoints(
    @CurrentAccount() account: SessionAccount,
    @Args('csv', { type: () => String }) csv: string,
  ): Promise<MeteringImportReportModel> {
    const report: ImportReport = await this.commandBus.execute(
      new ImportMeteringPointsCommand(csv, { id: account.accountId, role: account.role }),
    );
    return {
      imported: !report.fileRefused,
      rows: report.rows,
      recorded: report.counts.RECORDED,
      corrected: report.counts.CORRECTED,
      unchanged: report.counts.UNCHANGED,
      problems: report.refused.map(({ line, reason }) => ({ line, message: reason })),
    };
  }
}
