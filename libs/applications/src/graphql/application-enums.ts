import { registerEnumType } from '@nestjs/graphql';
import type { ApplicationKind, ApplicationStatus } from '../domain/application.event';

export const ApplicationKindEnum = {
  NEW: 'NEW',
  TERMINATION: 'TERMINATION',
  ACTIVATION: 'ACTIVATION',
} as const satisfies Record<ApplicationKind, ApplicationKind>;

export const ApplicationStatusEnum = {
  RECEIVED: 'RECEIVED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  RETURNED: 'RETURNED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const satisfies Record<ApplicationStatus, ApplicationStatus>;

registerEnumType(ApplicationKindEnum, { name: 'ApplicationKind' });
registerEnumType(ApplicationStatusEnum, { name: 'ApplicationStatus' });
