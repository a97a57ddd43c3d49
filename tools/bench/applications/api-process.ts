/**
 * The API alone in its own process, so that its resident memory and CPU time are its own: the
 * bench forks this with the API's environment and talks to it over the IPC channel.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AccountCommandRunner, AccountContactCipher, PasswordHasher } from '@app/accounts';
import { ProjectionRunners } from '@app/event-sourcing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { createApp } from '../../../apps/api/src/create-app';
import type { ApiReply, ApiRequest } from './api-messages';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const reply = (message: ApiReply) => process.send?.(message);
  process.on('message', (request: ApiRequest) => {
    void answer(request).then(reply, (error: unknown) =>
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The channel keeps this process alive once the app has closed; the bench's end ends it.
  process.on('disconnect', () => process.exit(0));
  await projectionsRunning(app.get(ProjectionRunners), 120_000);
  reply({ type: 'listening', port });

  async function answer(request: ApiRequest): Promise<ApiReply> {
    switch (request.type) {
      case 'usage':
        return {
          type: 'usage',
          rss: process.memoryUsage().rss,
          peakRss: process.resourceUsage().maxRSS * 1024,
          cpu: process.cpuUsage(),
        };
      case 'rebuild': {
        const started = performance.now();
        await app.get(ProjectionRunners).rebuild(request.projection);
        return { type: 'rebuilt', seconds: (performance.now() - started) / 1000 };
      }
      case 'create-operator':
        return { type: 'operator', initialPassword: await createOperator(app, request.userId) };
      case 'close':
        await app.close();
        return { type: 'closed' };
    }
  }
}

/**
 * An OPERATOR as create-operator records one (OperatorCreated through the accounts command runner,
 * with an initial password), until that tool is on main. Resolves with the initial password.
 */
async function createOperator(app: NestExpressApplication, userId: string): Promise<string> {
  const accountId = randomUUID();
  const initialPassword = `bench_${randomBytes(12).toString('hex')}`;
  const cipher = app.get(AccountContactCipher);
  const outcome = await app.get(AccountCommandRunner).run(
    accountId,
    {
      type: 'CreateOperator',
      data: {
        accountId,
        ...(await cipher.sealUserId(accountId, userId)),
        role: 'OPERATOR',
        contact: await cipher.encryptContact(accountId, {
          email: `${userId}@example.jp`,
          name: '運用 太郎',
          phone: '03-1234-5678',
        }),
        initialPasswordHash: await app.get(PasswordHasher).hash(initialPassword),
      },
    },
    { correlationId: randomUUID(), actor: { id: 'bench:create-operator', role: 'SYSTEM' } },
  );
  if (!outcome.decision.ok || outcome.checkpoint === null)
    throw new Error(`no operator: ${JSON.stringify(outcome.decision)}`);
  await app.get(ProjectionRunners).waitFor('accounts', outcome.checkpoint, 60_000);
  return initialPassword;
}

/**
 * Every runner holds its projection's lock and runs: on a busy machine that can take seconds after
 * the start, and a mutation waiting for its read model (read-your-writes) would time out meanwhile.
 */
async function projectionsRunning(runners: ProjectionRunners, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!runners.names.every((name) => runners.runner(name).active)) {
    if (Date.now() > deadline) throw new Error(`projections not running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
