import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { StreamVerification } from '@app/event-sourcing';
import { ApplicationHistory } from '../../queries/application-history';
import { VerifyApplicationHistoryQuery } from './verify-application-history.query';

@QueryHandler(VerifyApplicationHistoryQuery)
export class VerifyApplicationHistoryHandler implements IQueryHandler<VerifyApplicationHistoryQuery> {
  constructor(@Inject(ApplicationHistory) private readonly history: ApplicationHistory) {}

  execute({ applicationId }: VerifyApplicationHistoryQuery): Promise<StreamVerification> {
    return this.history.verify(applicationId);
  }
}
