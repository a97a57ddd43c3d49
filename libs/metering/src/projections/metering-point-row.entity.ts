import { EntitySchema } from 'typeorm';
import type {
  BRouteState,
  ClaimKind,
  MeteringPointKind,
  TerminalType,
} from '../domain/metering-point.event';

/** One metering point as `meteringPoint` shows it, and the open application holding it (MTR-2). */
export interface MeteringPointRow {
  pointId: string;
  kind: MeteringPointKind;
  meterId: string | null;
  terminalType: TerminalType;
  island: boolean;
  bRouteState: BRouteState;
  openApplicationId: number | null;
  openApplicationKind: ClaimKind | null;
  updatedAt: Date;
}

export const MeteringPointRowEntity = new EntitySchema<MeteringPointRow>({
  name: 'MeteringPointRow',
  tableName: 'metering_points',
  columns: {
    pointId: { type: 'text', name: 'point_id', primary: true },
    kind: { type: 'text' },
    meterId: { type: 'text', name: 'meter_id', nullable: true },
    terminalType: { type: 'text', name: 'terminal_type' },
    island: { type: 'boolean' },
    bRouteState: { type: 'text', name: 'b_route_state' },
    openApplicationId: { type: 'integer', name: 'open_application_id', nullable: true },
    openApplicationKind: { type: 'text', name: 'open_application_kind', nullable: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});
