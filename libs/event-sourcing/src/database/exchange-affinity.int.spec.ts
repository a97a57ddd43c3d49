import { connect, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/*
 * A minimal PostgreSQL wire client, so a test can send one extended-protocol exchange in two
 * parts — exactly what happens when a client's messages arrive in separate TCP segments.
 */
class WireClient {
  private received = Buffer.alloc(0);
  private waiter: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (data: Buffer) => {
      this.received = Buffer.concat([this.received, data]);
      this.waiter?.();
    });
  }

  static async open(port: number): Promise<WireClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const client = new WireClient(socket);
    const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + parameters.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, parameters]));
    await client.untilReady();
    return client;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Messages up to ReadyForQuery: the data rows' first column, and any error's message. */
  async untilReady(): Promise<{ rows: string[]; errors: string[] }> {
    const rows: string[] = [];
    const errors: string[] = [];
    for (;;) {
      while (
        this.received.length >= 5 &&
        this.received.length >= 1 + this.received.readInt32BE(1)
      ) {
        const type = String.fromCharCode(this.received[0] ?? 0);
        const body = this.received.subarray(5, 1 + this.received.readInt32BE(1));
        this.received = this.received.subarray(1 + this.received.readInt32BE(1));
        if (type === 'Z') return { rows, errors };
        if (type === 'D') rows.push(body.subarray(6, 6 + body.readInt32BE(2)).toString());
        if (type === 'E') errors.push(errorMessage(body));
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const int16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const text = (value: string) => Buffer.from(`${value}\0`);
const parse = (sql: string) => message('P', text(''), text(sql), int16(0));
const bind = (...values: string[]) =>
  message(
    'B',
    text(''),
    text(''),
    int16(0),
    int16(values.length),
    ...values.flatMap((value) => [int32(Buffer.byteLength(value)), Buffer.from(value)]),
    int16(0),
  );
const execute = () => message('E', text(''), int32(0));
const sync = () => message('S');

function errorMessage(body: Buffer): string {
  for (const field of body.toString().split('\0')) if (field.startsWith('M')) return field.slice(1);
  return body.toString();
}

describe('embedded PostgreSQL: one session shared by many connections', () => {
  let database: EmbeddedPostgres;
  let port: number;

  // A fresh PGlite runs initdb in WebAssembly: well over the default 30 s on a loaded machine.
  beforeAll(async () => {
    database = await startEmbeddedPostgres();
    port = Number(new URL(database.url).port);
  }, 120_000);

  afterAll(async () => {
    await database.stop();
  });

  it("keeps a client's extended-protocol exchange together when it arrives in parts", async () => {
    const [first, second] = await Promise.all([WireClient.open(port), WireClient.open(port)]);
    try {
      first.send(parse('SELECT $1::int + 1 AS v'));
      await delay(50);
      // Another client's whole exchange arrives between the first one's Parse and its Bind.
      second.send(parse('SELECT $1::text || $2::text AS v'), bind('a', 'b'), execute(), sync());
      await delay(50);
      first.send(bind('41'), execute(), sync());

      expect(await first.untilReady()).toEqual({ rows: ['42'], errors: [] });
      expect(await second.untilReady()).toEqual({ rows: ['ab'], errors: [] });
    } finally {
      first.close();
      second.close();
    }
  });

  it('serves the others when a client leaves in the middle of an exchange', async () => {
    const leaving = await WireClient.open(port);
    leaving.send(parse('SELECT 1'));
    await delay(50);
    leaving.close();
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    try {
      const { rows } = await pool.query<{ v: number }>('SELECT $1::int AS v', [7]);
      expect(rows).toEqual([{ v: 7 }]);
    } finally {
      await pool.end();
    }
  });

  it('answers concurrent queries of different shapes through a pool, and after a failed one', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    try {
      await expect(pool.query('SELECT $1::int', ['x'])).rejects.toThrow('invalid input syntax');
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0
            ? pool.query<{ v: string }>('SELECT ($1::int + $2::int)::text AS v', [i, 1])
            : pool.query<{ v: string }>('SELECT $1::text AS v', [`q${i}`]),
        ),
      );
      expect(answers.map((answer) => answer.rows[0]?.v)).toEqual(
        Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? String(i + 1) : `q${i}`)),
      );
    } finally {
      await pool.end();
    }
  });
});
