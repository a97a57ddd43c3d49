import { registerEnumType } from '@nestjs/graphql';
import type { BRouteState, MeteringPointKind, TerminalType } from '../domain/metering-point.event';

/*
 * The contract's metering enums, registered once here. Other contexts (applications shows each
 * point's kind) reuse these objects through `@app/metering`: registering a name twice would
 * break the schema.
 */

export const MeteringPointKindEnum = {
  SUPPLY: 'SUPPLY',
  RECEPTION: 'RECEPTION',
} as const satisfies Record<MeteringPointKind, MeteringPointKind>;

export const TerminalTypeEnum = {
  HIGH_VOLTAGE_TERMINAL: 'HIGH_VOLTAGE_TERMINAL',
  OPTICAL: 'OPTICAL',
  UNKNOWN: 'UNKNOWN',
} as const satisfies Record<TerminalType, TerminalType>;

export const BRouteStateEnum = {
  NOT_SUBSCRIBED: 'NOT_SUBSCRIBED',
  PENDING: 'PENDING',
  ACTIVE: 'ACTIVE',
  TERMINATED: 'TERMINATED',
} as const satisfies Record<BRouteState, BRouteState>;

registerEnumType(MeteringPointKindEnum, { name: 'MeteringPointKind' });
registerEnumType(TerminalTypeEnum, { name: 'TerminalType' });
registerEnumType(BRouteStateEnum, { name: 'BRouteState' });
