import { Query } from '@nestjs/cqrs';
import type { AccountView } from '../../read-models/accounts.reader';

export class MeQuery extends Query<AccountView> {
  constructor(readonly accountId: string) {
    super();
  }
}
