import { Query } from '@nestjs/cqrs';
import type { AccountView } from '../../queries/accounts.query';

export class MeQuery extends Query<AccountView> {
  constructor(readonly accountId: string) {
    super();
  }
}
