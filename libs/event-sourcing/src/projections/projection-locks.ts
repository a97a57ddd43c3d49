import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { isStoreUnreachable } from '../errors/store-unreachable';

export interface ProjectionLock {
  /** False once released or once the session holding the advisory lock has gone. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** Keys taken in this process. PGlite is one shared session, so there the advisory lock alone excludes nobody. */
const takenInProcess = new Set<string>();

/** The advisory-lock key of a projection: the same in every process on the same database schema. */
export function projectionLockKey(schema: string, name: string): bigint {
  return createHash('sha256').update(`projection:${schema}.${name}`).digest().readBigInt64BE(0);
}

/**
 * One-runner-per-projection locks: a PostgreSQL session advisory lock per projection, all on one
 * dedicated connection of the data source (a session lock lives exactly as long as its session),
 * plus an in-process guard.
 */
export class ProjectionLocks {
  private session: QueryRunner | undefined;
  /** pg's client runs one query at a time; every runner's lock calls share this one session. */
  private sessionQueue: Promise<unknown> = Promise.resolve();
  private readonly schema: string;
  private readonly database: string;
  private readonly watched = new WeakSet<QueryRunner>();
  private checkedAt = 0;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as {
      schema?: string;
      url?: string;
      host?: string;
      port?: number;
      database?: string;
    };
    this.schema = options.schema ?? 'public';
    this.database =
      options.url ?? `${options.host ?? ''}:${options.port ?? ''}/${options.database ?? ''}`;
  }

  async tryAcquire(name: string): Promise<ProjectionLock | null> {
    const guardKey = `${this.database}|${this.schema}.${name}`;
    if (takenInProcess.has(guardKey)) return null;
    takenInProcess.add(guardKey);
    const key = projectionLockKey(this.schema, name).toString();
    try {
      const { session, rows } = await this.onSession(async (session) => ({
        session,
        rows: (await session.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])) as {
          locked: boolean;
        }[],
      }));
      if (!rows[0]?.locked) {
        takenInProcess.delete(guardKey);
        return null;
      }
      return this.lockOn(session, key, guardKey);
    } catch (error) {
      takenInProcess.delete(guardKey);
      throw error;
    }
  }

  /** Ends the session; every lock on it is released by the server. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session && !session.isReleased) await session.release();
  }

  private lockOn(session: QueryRunner, key: string, guardKey: string): ProjectionLock {
    let released = false;
    return {
      get held() {
        return !released && !session.isReleased;
      },
      release: async () => {
        if (released) return;
        released = true;
        takenInProcess.delete(guardKey);
        await this.onSession(async (current) => {
          if (current === session && !session.isReleased)
            await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
        });
      },
    };
  }

  /**
   * Whether the lock session still answers, asked at most every `maxAgeMs`: a connection cut
   * while idle (a server restart) is not always reported by the driver, and a runner that kept
   * believing in a dead session would run without its lock. A session that fails is dropped, so
   * every lock on it reads as lost and the next `tryAcquire` opens a new one.
   */
  async checkSession(maxAgeMs: number): Promise<void> {
    if (!this.session || this.session.isReleased) return;
    if (Date.now() - this.checkedAt < maxAgeMs) return;
    this.checkedAt = Date.now();
    await this.onSession(async (session) => {
      await session.query('SELECT 1');
    }).catch(() => undefined);
  }

  /** Runs `work` on the lock session once every earlier call on it has finished. */
  private onSession<T>(work: (session: QueryRunner) => Promise<T>): Promise<T> {
    const next = this.sessionQueue.then(async () => {
      const session = await this.openSession();
      try {
        return await work(session);
      } catch (error) {
        if (isStoreUnreachable(error)) await this.drop(session, error);
        throw error;
      }
    });
    this.sessionQueue = next.catch(() => undefined);
    return next;
  }

  private async openSession(): Promise<QueryRunner> {
    if (!this.session || this.session.isReleased) {
      this.session = this.dataSource.createQueryRunner('master');
    }
    const session = this.session;
    try {
      const connection = (await session.connect()) as {
        once?: (event: 'end', listener: () => void) => void;
      };
      if (!this.watched.has(session)) {
        this.watched.add(session);
        // The server ended the session (restart, admin shutdown): its locks are gone with it.
        connection.once?.('end', () => void this.drop(session, new Error('lock session ended')));
      }
    } catch (error) {
      // A query runner whose connect failed keeps failing: never reuse it.
      await this.drop(session, error);
      throw error;
    }
    return session;
  }

  private async drop(session: QueryRunner, error: unknown): Promise<void> {
    if (this.session === session) this.session = undefined;
    if (session.isReleased) return;
    // Released with the error (TypeORM's PostgreSQL runner), the pool destroys the connection.
    const withError = session as QueryRunner & {
      releasePostgresConnection?: (error: unknown) => Promise<void>;
    };
    const released = withError.releasePostgresConnection
      ? withError.releasePostgresConnection(error)
      : session.release();
    await released.catch(() => undefined);
  }
}
