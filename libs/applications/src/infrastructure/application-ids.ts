import type { DataSource } from 'typeorm';

/** Allocates 申込IDs from the `application_id_seq` sequence of the configured schema. */
export class ApplicationIds {
  private readonly sequence: string;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as { schema?: string };
    // nextval takes the name as text: quote the schema inside it, for names with upper case.
    this.sequence = `"${(options.schema ?? 'public').replaceAll('"', '""')}".application_id_seq`;
  }

  async next(): Promise<number> {
    const rows: { id: number | string }[] = await this.dataSource.query(
      'SELECT nextval($1::regclass) AS id',
      [this.sequence],
    );
    const id = Number(rows[0]?.id);
    if (!Number.isSafeInteger(id)) throw new Error('application_id_seq returned no number');
    return id;
  }
}
