import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { parseRawMail, type ReceivedMail } from './raw-mail';

export interface SmtpTestServer {
  readonly url: string;
  readonly received: readonly ReceivedMail[];
  /** While true every connection is refused with 421 (service not available). */
  refusing: boolean;
  /** While true every recipient is refused with 550, naming the address as real servers do. */
  rejectingRecipients: boolean;
  /** Closes the listening socket: connections are refused until `restart`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Resolves once `count` mails have arrived in total. */
  waitForMails(count: number): Promise<void>;
  /** Resolves with the first mail, received or still to come, that `matches`. */
  waitForMail(matches: (mail: ReceivedMail) => boolean): Promise<ReceivedMail>;
}

/** A real SMTP server on 127.0.0.1 that keeps every mail it accepts. */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const watchers: {
    matches: (mail: ReceivedMail) => boolean;
    resolve: (mail: ReceivedMail) => void;
  }[] = [];
  const state = { refusing: false, rejectingRecipients: false };
  const create = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onConnect(_session: SMTPServerSession, callback) {
        if (!state.refusing) return callback();
        const error = Object.assign(new Error('service not available, try again later'), {
          responseCode: 421,
        });
        return callback(error);
      },
      onRcptTo(address, _session, callback) {
        if (!state.rejectingRecipients) return callback();
        const error = Object.assign(
          new Error(`<${address.address}>: Recipient address rejected: User unknown`),
          { responseCode: 550 },
        );
        return callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const mail = parseRawMail(Buffer.concat(chunks), envelopeTo);
          received.push(mail);
          for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
          for (const watcher of watchers.filter((w) => w.matches(mail))) watcher.resolve(mail);
          callback();
        });
      },
    });
  // A client killed mid-session (the fault suite's kill -9) resets its connection: that is the
  // client's fault, and must not surface as an unhandled 'error' of the test process.
  const tolerant = (created: SMTPServer): SMTPServer => {
    created.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
    });
    return created;
  };
  let server = tolerant(create());
  const port = await listen(server, 0);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    get rejectingRecipients() {
      return state.rejectingRecipients;
    },
    set rejectingRecipients(value: boolean) {
      state.rejectingRecipients = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = tolerant(create());
      await listen(server, port);
    },
    waitForMails(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    waitForMail(matches) {
      const arrived = received.find(matches);
      if (arrived) return Promise.resolve(arrived);
      return new Promise<ReceivedMail>((resolve) => watchers.push({ matches, resolve }));
    },
  };
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}
