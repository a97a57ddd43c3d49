import { Query } from '@nestjs/cqrs';
import type { StreamVerification } from '@app/event-sourcing';

export class VerifyApplicationHistoryQuery extends Query<StreamVerification> {
  constructor(readonly applicationId: number) {
    super();
  }
}
