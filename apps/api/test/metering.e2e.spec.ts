import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges } from 'graphql';
import { testDatabaseTargets } from '@test/database';
import { signInAsCustomer, signInAsStaff } from './sign-in';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const POINT_FIELDS = 'pointId kind meterId terminalType island bRouteState';
const RECORD = `mutation Record($input: MeteringPointRecordInput!) {
  recordMeteringPoint(input: $input) { ${POINT_FIELDS} }
}`;
const FIND = `query Find($pointId: String!) { meteringPoint(pointId: $pointId) { ${POINT_FIELDS} } }`;
// The contract's metering operations and the types they use.
const METERING_PART =
  /^(MeteringPoint|MeteringPointRecordInput|MeteringPointKind|TerminalType|BRouteState|Query\.meteringPoint|Mutation\.recordMeteringPoint)\b/;

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

describe.each(testDatabaseTargets())('metering points over HTTP on $kind', (target) => {
  let api: TestApp;
  let operator: string;
  let auditor: string;
  let customer: string;

  beforeAll(async () => {
    api = await startTestApp(target);
    operator = await signInAsStaff(api, 'OPERATOR');
    auditor = await signInAsStaff(api, 'AUDITOR');
    customer = await signInAsCustomer(api);
    // Five argon2id hashes (64 MiB each) on a shared machine can outlast the default timeout.
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  function record(input: Record<string, unknown>, token?: string) {
    return postGraphql(
      api.url,
      { query: RECORD, variables: { input } },
      token ? { authorization: `Bearer ${token}` } : {},
    );
  }

  function find(pointId: string, token?: string) {
    return postGraphql(
      api.url,
      { query: FIND, variables: { pointId } },
      token ? { authorization: `Bearer ${token}` } : {},
    );
  }

  it('MTR-1: an operator records a point, corrects it, and reads it back', async () => {
    const recorded = await record(
      {
        pointId: '03-1011-2222-3333-4444-5555',
        meterId: 'ｆ１４６８３２',
        terminalType: 'HIGH_VOLTAGE_TERMINAL',
        island: false,
      },
      operator,
    );
    const point = {
      pointId: '0310112222333344445555',
      kind: 'SUPPLY',
      meterId: 'F146832',
      terminalType: 'HIGH_VOLTAGE_TERMINAL',
      island: false,
      bRouteState: 'NOT_SUBSCRIBED',
    };
    expect(recorded.body).toEqual({ data: { recordMeteringPoint: point } });
    // Read-your-writes: the read model shows the write as soon as the mutation has answered.
    expect((await find('0310112222333344445555', operator)).body).toEqual({
      data: { meteringPoint: point },
    });

    const corrected = await record(
      { pointId: '0310112222333344445555', terminalType: 'OPTICAL', island: true },
      operator,
    );
    const after = { ...point, terminalType: 'OPTICAL', island: true };
    expect(corrected.body).toEqual({ data: { recordMeteringPoint: after } });
    expect((await find('03-1011-2222-3333-4444-5555', auditor)).body).toEqual({
      data: { meteringPoint: after },
    });
  });

  it('MTR-1: a reception point ID is of kind RECEPTION; an unknown point reads as null', async () => {
    const recorded = await record(
      { pointId: '0310129999888877776666', terminalType: 'UNKNOWN', island: false },
      operator,
    );
    expect(recorded.body.data?.['recordMeteringPoint']).toMatchObject({
      kind: 'RECEPTION',
      meterId: null,
    });
    expect((await find('0310110000111122223333', operator)).body).toEqual({
      data: { meteringPoint: null },
    });
  });

  it('MTR-1: a bad point ID and meter ID are refused field by field, and nothing is written', async () => {
    const refused = await record(
      { pointId: '03-1011-12', meterId: 'F14683', terminalType: 'OPTICAL', island: false },
      operator,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.extensions?.['fields']).toEqual([
      {
        field: 'input.pointId',
        code: 'INVALID_POINT_ID_LENGTH',
        message: expect.stringMatching(/22桁/),
      },
      {
        field: 'input.meterId',
        code: 'INVALID_METER_ID',
        message: expect.stringMatching(/計器ID/),
      },
    ]);
    const halfValid = await record(
      {
        pointId: '0310115555555555555555',
        meterId: '1468321',
        terminalType: 'OPTICAL',
        island: true,
      },
      operator,
    );
    expect(codeOf(halfValid)).toBe('BAD_USER_INPUT');
    expect((await find('0310115555555555555555', operator)).body).toEqual({
      data: { meteringPoint: null },
    });
    const unissued = await record(
      { pointId: '03-1011-0000-0000-0000-0000', terminalType: 'OPTICAL', island: false },
      operator,
    );
    expect(unissued.body.errors?.[0]?.extensions?.['fields']).toEqual([
      {
        field: 'input.pointId',
        code: 'UNISSUED_POINT_ID',
        message: expect.stringMatching(/未発番/),
      },
    ]);
    const badQuery = await find('04-1011-1234-5678-9012-3456', operator);
    expect(codeOf(badQuery)).toBe('BAD_USER_INPUT');
    expect(badQuery.body.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'pointId', code: 'UNKNOWN_POINT_ID_PREFIX', message: expect.any(String) },
    ]);
  });

  describe('who may record and read', () => {
    const input = { pointId: '0310114444444444444444', terminalType: 'UNKNOWN', island: false };

    it('anonymous callers are UNAUTHENTICATED for both operations', async () => {
      expect(codeOf(await record(input))).toBe('UNAUTHENTICATED');
      expect(codeOf(await find(input.pointId))).toBe('UNAUTHENTICATED');
    });

    it('a CUSTOMER is FORBIDDEN both', async () => {
      expect(codeOf(await record(input, customer))).toBe('FORBIDDEN');
      expect(codeOf(await find(input.pointId, customer))).toBe('FORBIDDEN');
    });

    it('an AUDITOR reads but may not record', async () => {
      const refused = await record(input, auditor);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.body.data ?? null).toBeNull();
      expect((await find(input.pointId, auditor)).body).toEqual({ data: { meteringPoint: null } });
    });

    it('an OPERATOR records and reads', async () => {
      expect((await record(input, operator)).body.errors).toBeUndefined();
      expect((await find(input.pointId, operator)).body.data?.['meteringPoint']).toMatchObject({
        pointId: input.pointId,
      });
    });
  });

  describe('MTR-1: the registry CSV upload (importMeteringPoints)', () => {
    const IMPORT = `mutation Import($csv: String!) {
      importMeteringPoints(csv: $csv) {
        imported rows recorded corrected unchanged problems { line message }
      }
    }`;
    const HEADER = 'point_id,meter_id,terminal_type,island';
    function upload(csv: string, token?: string) {
      return postGraphql(
        api.url,
        { query: IMPORT, variables: { csv } },
        token ? { authorization: `Bearer ${token}` } : {},
      );
    }

    it('records a good file, reads back at once, and the same file again changes nothing', async () => {
      await record(
        { pointId: '0310117777000000000001', terminalType: 'UNKNOWN', island: false },
        operator,
      );
      const csv = [
        HEADER,
        '03-1011-7777-0000-0000-0001,F146832,HIGH_VOLTAGE_TERMINAL,false',
        '0310117777000000000002,,OPTICAL,false',
        '"0310127777000000000003",G000001,UNKNOWN,true',
        '',
      ].join('\r\n');
      expect((await upload(csv, operator)).body).toEqual({
        data: {
          importMeteringPoints: {
            imported: true,
            rows: 3,
            recorded: 2,
            corrected: 1,
            unchanged: 0,
            problems: [],
          },
        },
      });
      expect((await find('0310127777000000000003', operator)).body.data).toEqual({
        meteringPoint: expect.objectContaining({ kind: 'RECEPTION', meterId: 'G000001' }),
      });
      expect((await upload(csv, operator)).body.data?.['importMeteringPoints']).toMatchObject({
        imported: true,
        recorded: 0,
        corrected: 0,
        unchanged: 3,
      });
    });

    it('one bad row and nothing is recorded; every bad row is named by its line in Japanese', async () => {
      const csv = [
        HEADER,
        '0310118888000000000001,F146832,HIGH_VOLTAGE_TERMINAL,false',
        '0310118888,F14683,FIBRE,maybe',
        '0310118888000000000001,,OPTICAL,false',
        '0310110000000000000000,,UNKNOWN,false',
      ].join('\n');
      const answer = (await upload(csv, operator)).body.data?.['importMeteringPoints'];
      expect(answer).toEqual({
        imported: false,
        rows: 4,
        recorded: 0,
        corrected: 0,
        unchanged: 0,
        problems: [
          {
            line: 3,
            message: expect.stringMatching(
              /^1列目（point_id: 地点特定番号）: .*22桁.* 2列目（meter_id: 計器ID）: /,
            ),
          },
          { line: 4, message: expect.stringMatching(/2行目にもあります/) },
          { line: 5, message: expect.stringMatching(/未発番/) },
        ],
      });
      // The good row on line 2 was not recorded either.
      expect((await find('0310118888000000000001', operator)).body).toEqual({
        data: { meteringPoint: null },
      });
    });

    it('a file that is not the registry CSV is refused at line 1', async () => {
      const answer = (await upload('pointId;meterId\n0310111234567890123456;F146832', operator))
        .body.data?.['importMeteringPoints'];
      expect(answer).toEqual({
        imported: false,
        rows: 0,
        recorded: 0,
        corrected: 0,
        unchanged: 0,
        problems: [{ line: 1, message: expect.stringContaining(HEADER) }],
      });
    });

    it('more than 500 rows is refused at the csv field, and nothing is recorded', async () => {
      const rows = Array.from(
        { length: 501 },
        (_, row) => `031011999900000000${String(row).padStart(4, '0')},,UNKNOWN,false`,
      );
      const refused = await upload([HEADER, ...rows].join('\n'), operator);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.body.errors?.[0]?.extensions?.['fields']).toEqual([
        { field: 'csv', code: 'TOO_MANY_ROWS', message: expect.stringMatching(/500行まで.*501行/) },
      ]);
      expect((await find('0310119999000000000000', operator)).body).toEqual({
        data: { meteringPoint: null },
      });
      const accepted = await upload([HEADER, ...rows.slice(1)].join('\n'), operator);
      expect(accepted.body.data?.['importMeteringPoints']).toMatchObject({
        imported: true,
        rows: 500,
        recorded: 500,
      });
    }, 120_000);

    it('only an OPERATOR uploads: anonymous is UNAUTHENTICATED, customer and auditor FORBIDDEN', async () => {
      const csv = `${HEADER}\n0310116666000000000001,,UNKNOWN,false`;
      expect(codeOf(await upload(csv))).toBe('UNAUTHENTICATED');
      expect(codeOf(await upload(csv, customer))).toBe('FORBIDDEN');
      expect(codeOf(await upload(csv, auditor))).toBe('FORBIDDEN');
      expect((await find('0310116666000000000001', operator)).body).toEqual({
        data: { meteringPoint: null },
      });
    });
  });

  it("serves the contract's metering part without a breaking change", () => {
    const contract = buildSchema(
      readFileSync(resolve(process.cwd(), 'apps/api/contract/schema.graphql'), 'utf8'),
    );
    const { schema } = api.app.get(GraphQLSchemaHost);
    const breaking = findBreakingChanges(contract, schema).filter((change) =>
      METERING_PART.test(change.description),
    );
    expect(breaking).toEqual([]);
  });
});
