import { accountMessages } from '../../messages';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, type FieldError } from '@app/event-sourcing';
import { AccountsQuery, type AccountPage } from '../../queries/accounts.query';
import { ListAccountsQuery } from './list-accounts.query';

// A bound so that one request cannot decrypt the whole table.
export const MAX_ACCOUNTS_PAGE = 100;

@QueryHandler(ListAccountsQuery)
export class ListAccountsHandler implements IQueryHandler<ListAccountsQuery> {
  constructor(@Inject(AccountsQuery) private readonly query: AccountsQuery) {}

  execute({ request }: ListAccountsQuery): Promise<AccountPage> {
    const problems: FieldError[] = [];
    if (request.offset < 0) {
      problems.push({
        field: 'offset',
        code: 'OUT_OF_RANGE',
        message: accountMessages.offsetTooSmall,
      });
    }
    if (request.limit < 1 || request.limit > MAX_ACCOUNTS_PAGE) {
      problems.push({
        field: 'limit',
        code: 'OUT_OF_RANGE',
        message: accountMessages.limitOutOfRange(MAX_ACCOUNTS_PAGE),
      });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.query.page(request);
  }
}
