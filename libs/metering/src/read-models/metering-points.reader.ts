import type { DataSource } from 'typeorm';
import type { BRouteState, MeteringPointKind, TerminalType } from '../domain/metering-point.event';
import { MeteringPointRowEntity } from '../projections/metering-point-row.entity';

/** The contract's `MeteringPoint`, as the read model holds it. */
export interface MeteringPointView {
  readonly pointId: string;
  readonly kind: MeteringPointKind;
  readonly meterId: string | null;
  readonly terminalType: TerminalType;
  readonly island: boolean;
  readonly bRouteState: BRouteState;
}

export class MeteringPointsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** `pointId` is the normalised 22-digit ID. */
  async byPointId(pointId: string): Promise<MeteringPointView | null> {
    const row = await this.dataSource.getRepository(MeteringPointRowEntity).findOneBy({ pointId });
    if (row === null) return null;
    const { kind, meterId, terminalType, island, bRouteState } = row;
    return { pointId, kind, meterId, terminalType, island, bRouteState };
  }
}
