import { Query } from '@nestjs/cqrs';
import type { AccountPage, AccountPageRequest } from '../../queries/accounts.query';

export class ListAccountsQuery extends Query<AccountPage> {
  constructor(readonly request: AccountPageRequest) {
    super();
  }
}
