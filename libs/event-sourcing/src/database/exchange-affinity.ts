import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** One frontend message waiting in pglite-socket's queue (its internal shape, 0.2.x). */
interface QueuedMessage {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  readonly db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Parse, Bind, Describe, Execute, Close, Flush: an extended-protocol exchange is open until Sync.
const EXCHANGE_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket 0.2.x queues single protocol messages and keeps a client's messages together only
 * inside a transaction (electric-sql/pglite#1046). PGlite is one session, so its unnamed prepared
 * statement is shared: another connection's Parse between this one's Parse and Bind makes the
 * Bind fail, or answer the other query. This replaces the queue's scheduler so that a client that
 * opened an exchange keeps the session until its Sync (and, as before, until its transaction
 * ends), and so that a failed message no longer stops the queue for good.
 */
export function keepExchangesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket internals changed: review keepExchangesTogether');
  }
  let exchangeOwner: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (exchangeOwner === handlerId) exchangeOwner = null;
    void queue.processQueue();
  };
  queue.processQueue = async () => {
    if (queue.processing) return;
    queue.processing = true;
    try {
      for (;;) {
        const owner = exchangeOwner ?? (queue.db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((m) => m.handlerId === owner);
        const next = index === -1 ? undefined : queue.queue.splice(index, 1)[0];
        // Nothing queued, or the owner's next message has not arrived yet: its enqueue resumes us.
        if (!next) return;
        await run(queue.db, next);
        queue.lastHandlerId = next.handlerId;
        exchangeOwner = EXCHANGE_MESSAGES.has(next.message[0] ?? 0) ? next.handlerId : null;
      }
    } finally {
      queue.processing = false;
    }
  };
}

async function run(db: PGlite, queued: QueuedMessage): Promise<void> {
  let bytes = 0;
  try {
    await db.runExclusive(() =>
      db.execProtocolRawStream(queued.message, {
        onRawData: (data) => {
          bytes += data.length;
          queued.onData(data);
        },
      }),
    );
    queued.resolve(bytes);
  } catch (error) {
    queued.reject(error);
  }
}
