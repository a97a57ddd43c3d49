import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ApiReply, ApiRequest } from './api-messages';

/**
 * The API running in a child process (`api-process.ts`): requests over IPC are answered one at a
 * time, in order.
 */
export class ApiChild {
  private queue: Promise<unknown> = Promise.resolve();
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Forks the API with `environment` (and nothing of this process's), logs into `logFd`. */
  static async start(environment: NodeJS.ProcessEnv, logFd: number): Promise<ApiChild> {
    const child = fork(join(__dirname, 'api-process.js'), [], {
      env: environment,
      stdio: ['ignore', logFd, logFd, 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`the API process exited with ${code} before listening (see its log)`)),
      );
      child.once('message', (message: ApiReply) => {
        if (message.type === 'listening') resolve(message.port);
        else reject(new Error(`the API process said ${JSON.stringify(message)}`));
      });
    });
    child.removeAllListeners('exit');
    return new ApiChild(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  async usage(): Promise<{ rss: number; peakRss: number; cpu: NodeJS.CpuUsage }> {
    const reply = await this.ask({ type: 'usage' });
    if (reply.type !== 'usage') throw new Error(`usage: ${JSON.stringify(reply)}`);
    return reply;
  }

  /** Seconds `ProjectionRunners.rebuild(projection)` took inside the API process. */
  async rebuild(projection: string): Promise<number> {
    const reply = await this.ask({ type: 'rebuild', projection });
    if (reply.type !== 'rebuilt') throw new Error(`rebuild: ${JSON.stringify(reply)}`);
    return reply.seconds;
  }

  /** An OPERATOR with an initial password (ACC-5), made inside the API process. */
  async createOperator(userId: string): Promise<string> {
    const reply = await this.ask({ type: 'create-operator', userId });
    if (reply.type !== 'operator') throw new Error(`create-operator: ${JSON.stringify(reply)}`);
    return reply.initialPassword;
  }

  async close(): Promise<void> {
    if (this.child.connected) {
      await this.ask({ type: 'close' });
      this.child.disconnect();
    }
    await this.exited;
  }

  /** For a failed bench: no graceful close. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private ask(request: ApiRequest): Promise<ApiReply> {
    const answer = this.queue.then(
      () =>
        new Promise<ApiReply>((resolve, reject) => {
          const onExit = () => reject(new Error('the API process exited'));
          this.child.once('exit', onExit);
          this.child.once('message', (reply: ApiReply) => {
            this.child.off('exit', onExit);
            resolve(reply);
          });
          this.child.send(request);
        }),
    );
    this.queue = answer.catch(() => undefined);
    return answer;
  }
}
