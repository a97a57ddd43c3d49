import { testDatabaseTargets } from '@test/database';
import {
  applicationSearchTestBed,
  type ApplicationSearchTestBed,
} from '../testing/application-search-test-bed';
import { searchConditions } from '../use-cases/search-applications/search-conditions';
import { COUNT_CAP, searchStatements, type SqlStatement } from './application-search.sql';

// PGlite (WebAssembly, one core) takes over a minute to fill and index 200,000 rows, so it gets a
// quarter of them; PostgreSQL, where the million-row claim matters, gets the full count.
const ROWS = { postgres: 200_000, pglite: 50_000 } as const;
const CHUNK = 10_000;
const TRIGRAM_INDEX = 'IDX_application_search_name_trgm';
const GRAMS_INDEX = 'IDX_application_search_name_grams';
// Sixteen kana stand for the sixteen hex digits, so every name is a different kana string.
const HEX = '0123456789abcdef';
const KANA = 'あいうえおかきくけこさしすせそた';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function indexScansOf(node: PlanNode): string[] {
  const own =
    /Index (Only )?Scan/.test(node['Node Type']) && node['Index Name'] ? [node['Index Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(indexScansOf)];
}

/** The name of row `i` as the insert below makes it, folded: kana for its md5's hex digits. */
function kanaOf(hex: string): string {
  return [...hex].map((digit) => KANA[HEX.indexOf(digit)]).join('');
}

for (const target of testDatabaseTargets()) {
  describe(`APP-10: partial-name search at ${ROWS[target.kind]} rows on ${target.kind}`, () => {
    let bed: ApplicationSearchTestBed;

    beforeAll(async () => {
      bed = await applicationSearchTestBed(target);
      // Straight into the read model, in short transactions: the event store hides events
      // appended after the oldest open transaction, so one long insert would stall every other
      // spec's projections on this database meanwhile.
      for (let first = 1; first <= ROWS[target.kind]; first += CHUNK) {
        await bed.dataSource.query(
          `INSERT INTO "${bed.schema}".application_search
             (application_id, registered_at, status, kind, owner_account_id, customer_name,
              customer_name_key, customer_name_grams, updated_at, revision, view)
           SELECT i, timestamptz '2020-01-01' + i * interval '7 minutes',
                  (ARRAY['RECEIVED','IN_PROGRESS','COMPLETED','RETURNED','REJECTED','WITHDRAWN'])[1 + i % 6],
                  (ARRAY['NEW','TERMINATION','ACTIVATION'])[1 + i % 3],
                  'owner-' || (i % 5000), '株式会社' || name, '株式会社' || name,
                  ARRAY(SELECT DISTINCT substr(k, g, n)
                          FROM (SELECT '株式会社' || name AS k) AS key,
                               generate_series(1, char_length(k)) AS g, (VALUES (1), (2)) AS v(n)
                         WHERE g + n - 1 <= char_length(k)),
                  timestamptz '2020-01-01' + i * interval '7 minutes', 0, '{}'::jsonb
             FROM generate_series($1::int, $2::int) AS i,
                  LATERAL (SELECT translate(substr(md5(i::text), 1, 12), '${HEX}', '${KANA}') AS name) AS n`,
          [first, first + CHUNK - 1],
        );
      }
      await bed.dataSource.query(`ANALYZE "${bed.schema}".application_search`);
    }, 600_000);
    afterAll(async () => bed?.dispose());

    /** The plan of a statement, or what an `estimate` statement (itself an EXPLAIN) answers. */
    async function plan(statement: SqlStatement): Promise<PlanNode> {
      const text = statement.text.startsWith('EXPLAIN')
        ? statement.text
        : `EXPLAIN (FORMAT JSON) ${statement.text}`;
      const [row] = await bed.dataSource.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }[]>(
        text,
        [...statement.values],
      );
      const explained = row?.['QUERY PLAN'];
      if (explained === undefined) throw new Error('EXPLAIN answered nothing');
      const parsed =
        typeof explained === 'string' ? (JSON.parse(explained) as [{ Plan: PlanNode }]) : explained;
      return parsed[0].Plan;
    }

    it('APP-10: the listing and the page of a partial-name search both scan the trigram index', async () => {
      // Six kana from the middle of row 34567's name, typed in katakana.
      const [{ md5 }] = await bed.dataSource.query<[{ md5: string }]>(`SELECT md5('34567') AS md5`);
      const part = kanaOf(md5.slice(3, 9));
      const typed = [...part]
        .map((kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60))
        .join('');
      const check = searchConditions({ customerName: typed });
      if (!check.ok) throw new Error(JSON.stringify(check.problems));
      const statements = searchStatements(bed.schema, check.conditions, { offset: 0, limit: 20 });

      expect(indexScansOf(await plan(statements.matches))).toContain(TRIGRAM_INDEX);
      expect(indexScansOf(await plan(statements.page))).toContain(TRIGRAM_INDEX);
      const found = await bed.search(check.conditions, { offset: 0, limit: 20 });
      expect(found.ids).toContain(34567);
    });

    it('APP-10: a one- or two-character search (no trigram) finds exactly the rows holding it, through the grams index at two', async () => {
      const [{ md5 }] = await bed.dataSource.query<[{ md5: string }]>(`SELECT md5('34567') AS md5`);
      for (const length of [1, 2]) {
        const part = kanaOf(md5.slice(5, 5 + length));
        const typed = [...part]
          .map((kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60))
          .join('');
        const check = searchConditions({
          customerName: typed,
          registeredFrom: '2020-06-01',
          registeredTo: '2020-06-30',
        });
        if (!check.ok) throw new Error(JSON.stringify(check.problems));
        const bare = searchStatements(
          bed.schema,
          { customerNameKey: check.conditions.customerNameKey },
          { offset: 0, limit: 20 },
        );
        // One kana of sixteen is in most of these names: reading the table is the better plan then,
        // and so it is for two on PGlite's quarter of the rows; the index matters at the full count.
        // (The count itself stops at the cap, which reading the table reaches first here.)
        if (length === 2 && target.kind === 'postgres')
          expect(indexScansOf(await plan(bare.estimate))).toContain(GRAMS_INDEX);
        const found = await bed.search(check.conditions, { offset: 0, limit: 100 });
        const [{ expected }] = await bed.dataSource.query<[{ expected: number }]>(
          `SELECT count(*)::int AS expected FROM "${bed.schema}".application_search
            WHERE strpos(customer_name_key, $1) > 0
              AND registered_at >= $2 AND registered_at < $3`,
          [part, check.conditions.registeredFrom, check.conditions.registeredBefore],
        );
        expect(found).toMatchObject(
          expected > COUNT_CAP
            ? { total: COUNT_CAP, totalCapped: true }
            : { total: expected, totalCapped: false },
        );
        expect(expected).toBeGreaterThan(0);
      }
    });

    // PostgreSQL only: in the three fresh-clone runs where a wait in the other jest worker timed
    // out, this file was running on PGlite, whose one thread in the jest parent process also
    // serves that worker's database; this test's whole-table scans are the heaviest in it. The
    // statements are the same on both databases, and PGlite runs the rest of this file.
    (target.kind === 'postgres' ? it : it.skip)(
      'APP-10: more than 1,000 matches answer 1,000 as a lower bound (「1,000件以上」), counted or not, and never less than the page asked for',
      async () => {
        const count = async (sql: string) =>
          (await bed.dataSource.query<[{ n: number }]>(sql))[0].n;
        // Row 1's first kana is in most names: the planner expects far more than the cap.
        const [{ md5 }] = await bed.dataSource.query<[{ md5: string }]>(`SELECT md5('1') AS md5`);
        const dense = kanaOf(md5.slice(0, 1));
        expect(
          await count(
            `SELECT count(*)::int AS n FROM "${bed.schema}".application_search WHERE strpos(customer_name_key, '${dense}') > 0`,
          ),
        ).toBeGreaterThan(10 * COUNT_CAP);
        expect(
          await bed.search({ customerNameKey: dense }, { offset: 0, limit: 20 }),
        ).toMatchObject({
          total: COUNT_CAP,
          totalCapped: true,
        });
        // 2020-02: about 6,000 rows, so the count itself stops past the cap.
        const february = {
          registeredFrom: new Date('2020-02-01'),
          registeredBefore: new Date('2020-03-01'),
        };
        const first = await bed.search(february, { offset: 0, limit: 20 });
        expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true });
        expect(first.ids).toHaveLength(20);
        expect(await bed.search(february, { offset: 1000, limit: 20 })).toMatchObject({
          total: 1020,
          totalCapped: true,
        });
        // Under the cap the total is exact.
        const day = {
          registeredFrom: new Date('2020-02-01'),
          registeredBefore: new Date('2020-02-02'),
        };
        const exact = await count(
          `SELECT count(*)::int AS n FROM "${bed.schema}".application_search
          WHERE registered_at >= '2020-02-01' AND registered_at < '2020-02-02'`,
        );
        expect(await bed.search(day, { offset: 0, limit: 20 })).toMatchObject({
          total: exact,
          totalCapped: false,
        });
      },
    );

    it('APP-10: a registration range is listed from the date index, and its page past the cap read newest first down it, not fetched and sorted', async () => {
      const day = {
        registeredFrom: new Date('2020-02-01'),
        registeredBefore: new Date('2020-02-02'),
      };
      const { matches, page } = searchStatements(bed.schema, day, { offset: 0, limit: 20 });
      expect(indexScansOf(await plan(matches))).toContain('IDX_application_search_registered');
      const nodes = (node: PlanNode): string[] => [
        node['Node Type'],
        ...(node.Plans ?? []).flatMap(nodes),
      ];
      const planned = await plan(page);
      expect(indexScansOf(planned)).toContain('IDX_application_search_registered');
      expect(nodes(planned)).not.toContain('Sort');
    });
  });
}
