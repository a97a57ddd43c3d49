import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountErrors } from '../../domain/account-error';
import { AccountsReader, type AccountView } from '../../read-models/accounts.reader';
import { MeQuery } from './me.query';
import { domainError } from '../account-use-case';

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery> {
  constructor(@Inject(AccountsReader) private readonly query: AccountsReader) {}

  async execute({ accountId }: MeQuery): Promise<AccountView> {
    const account = await this.query.byId(accountId);
    if (account === null) throw domainError(accountErrors.notFound());
    return account;
  }
}
