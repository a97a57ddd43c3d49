import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, type FieldError } from '@app/event-sourcing';
import { accountMessages } from '../../messages';
import {
  SecurityEventsReader,
  type SecurityEventPage,
} from '../../read-models/security-events.reader';
import { ListSecurityEventsQuery } from './list-security-events.query';

// As the accounts page: the cost limit prices a page by its limit, this bounds the rows read.
const MAX_SECURITY_EVENTS_PAGE = 100;

@QueryHandler(ListSecurityEventsQuery)
export class ListSecurityEventsHandler implements IQueryHandler<ListSecurityEventsQuery> {
  constructor(@Inject(SecurityEventsReader) private readonly reader: SecurityEventsReader) {}

  execute({ request }: ListSecurityEventsQuery): Promise<SecurityEventPage> {
    const problems: FieldError[] = [];
    if (request.to.getTime() <= request.from.getTime()) {
      problems.push({ field: 'to', code: 'OUT_OF_RANGE', message: accountMessages.periodReversed });
    }
    if (request.offset < 0) {
      problems.push({
        field: 'offset',
        code: 'OUT_OF_RANGE',
        message: accountMessages.offsetTooSmall,
      });
    }
    if (request.limit < 1 || request.limit > MAX_SECURITY_EVENTS_PAGE) {
      problems.push({
        field: 'limit',
        code: 'OUT_OF_RANGE',
        message: accountMessages.limitOutOfRange(MAX_SECURITY_EVENTS_PAGE),
      });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.reader.page(request);
  }
}
