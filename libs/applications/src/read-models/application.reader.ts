import type { Actor } from '@app/event-sourcing';
import type { DataSource } from 'typeorm';
import type { SubmittedApplication } from '../domain/application.state';
import { mayRead } from '../domain/application-visibility';
import { applicationAnswer } from '../graphql/application-answer';
import type { ApplicationModel } from '../graphql/application.model';
import type { ApplicationCipher } from '../infrastructure/application-cipher';
import { ApplicationSearchRowEntity } from '../projections/application-search-row.entity';
import { runSearch } from './application-search.run';
import type { SearchConditions } from './application-search.sql';

export interface ApplicationPage {
  readonly total: number;
  /** More than `total` match: the count stopped there (APP-10 shows 「1,000件以上」). */
  readonly totalCapped: boolean;
  readonly offset: number;
  readonly limit: number;
  readonly items: readonly ApplicationModel[];
}

interface PageRow {
  readonly application_id: number;
  readonly revision: number;
  readonly view: SubmittedApplication;
}

/**
 * Reads the `application_search` read model only, and decrypts the personal fields of what it
 * answers, one page at a time, outside any projection transaction.
 */
export class ApplicationReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: ApplicationCipher,
  ) {}

  async byId(applicationId: number, reader: Actor): Promise<ApplicationModel | null> {
    const row = await this.dataSource
      .getRepository(ApplicationSearchRowEntity)
      .findOneBy({ applicationId });
    if (!row || !mayRead(reader, row.ownerAccountId)) return null;
    return applicationAnswer(row.view, row.revision, this.cipher);
  }

  async search(
    conditions: SearchConditions,
    reader: Actor,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<ApplicationPage> {
    const scoped: SearchConditions =
      reader.role === 'CUSTOMER' ? { ...conditions, ownerAccountId: reader.id } : conditions;
    const { total, capped, rows } = await runSearch<PageRow>(
      (statement) => this.dataSource.query(statement.text, [...statement.values]),
      this.schema(),
      scoped,
      page,
    );
    await this.cipher.prefetch(rows.map((row) => row.view.applicationId));
    const items: ApplicationModel[] = [];
    // One after the other: on PGlite the vault shares the single session.
    for (const row of rows)
      items.push(await applicationAnswer(row.view, row.revision, this.cipher));
    return { total, totalCapped: capped, offset: page.offset, limit: page.limit, items };
  }

  private schema(): string {
    return (this.dataSource.options as { schema?: string }).schema ?? 'public';
  }
}
