import { Query } from '@nestjs/cqrs';
import type { AccountPage, AccountPageRequest } from '../../read-models/accounts.reader';

export class ListAccountsQuery extends Query<AccountPage> {
  constructor(readonly request: AccountPageRequest) {
    super();
  }
}
