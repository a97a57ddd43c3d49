import { Query } from '@nestjs/cqrs';
import type {
  SecurityEventPage,
  SecurityEventPageRequest,
} from '../../read-models/security-events.reader';

export class ListSecurityEventsQuery extends Query<SecurityEventPage> {
  constructor(readonly request: SecurityEventPageRequest) {
    super();
  }
}
