import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode } from '@app/event-sourcing';
import { applicationErrors } from '../../domain/application-error';
import {
  ApplicationHistoryReader,
  type ApplicationHistoryEntry,
} from '../../read-models/application-history.reader';
import { ApplicationHistoryQuery } from './application-history.query';

@QueryHandler(ApplicationHistoryQuery)
export class ApplicationHistoryHandler implements IQueryHandler<ApplicationHistoryQuery> {
  constructor(
    @Inject(ApplicationHistoryReader) private readonly history: ApplicationHistoryReader,
  ) {}

  async execute({
    applicationId,
    reader,
  }: ApplicationHistoryQuery): Promise<ApplicationHistoryEntry[]> {
    const entries = await this.history.entries(applicationId, reader);
    if (entries === null) {
      // The list is non-null in the contract: a missing or another's application is NOT_FOUND.
      const { code, message } = applicationErrors.notFound();
      throw new DomainError(ErrorCode[code], message);
    }
    return entries;
  }
}
