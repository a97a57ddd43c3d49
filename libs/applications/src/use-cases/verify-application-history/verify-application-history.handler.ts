import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { StreamVerification } from '@app/event-sourcing';
import { ApplicationHistoryReader } from '../../read-models/application-history.reader';
import { VerifyApplicationHistoryQuery } from './verify-application-history.query';

@QueryHandler(VerifyApplicationHistoryQuery)
export class VerifyApplicationHistoryHandler implements IQueryHandler<VerifyApplicationHistoryQuery> {
  constructor(
    @Inject(ApplicationHistoryReader) private readonly history: ApplicationHistoryReader,
  ) {}

  execute({ applicationId }: VerifyApplicationHistoryQuery): Promise<StreamVerification> {
    return this.history.verify(applicationId);
  }
}
