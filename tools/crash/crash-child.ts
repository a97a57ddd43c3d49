import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import {
  CompleteApplicationCommand,
  StartProcessingCommand,
  SubmitApplicationCommand,
} from '@app/applications';
import { CommandSteps, EVENT_STORE, type EventStore } from '@app/event-sourcing';
import { openCliContext } from '../cli/cli-context';
import { registryConsistency } from './registry-consistency';

/**
 * The crash test's child (`tools/crash/kill-between-steps.int.spec.ts`): it opens the real
 * contexts on the configured database (a restart after the last kill), reports what the
 * registry and the applications say, then runs a submission or a completion and, when it reaches
 * CRASH_AT_STEP, tells the parent and waits there to be killed with SIGKILL.
 *
 * Environment: CRASH_SCENARIO (check | submit | complete), CRASH_AT_STEP, CRASH_POINT_ID, and the
 * storage variables of `npm run cli` (DATABASE_URL/DATABASE_SCHEMA, or CRASH_ROOT for PGlite).
 */
type Message =
  | { type: 'restarted'; report: Awaited<ReturnType<typeof registryConsistency>> }
  | { type: 'reached'; step: string }
  | { type: 'finished'; steps: string[] };

const send = (message: Message) =>
  new Promise<void>((resolve) =>
    process.send ? process.send(message, () => resolve()) : resolve(),
  );

const customer: SessionAccount = {
  accountId: randomUUID(),
  role: 'CUSTOMER',
  mustChangePassword: false,
  mfaEnrolmentRequired: false,
};
const operator: SessionAccount = {
  accountId: randomUUID(),
  role: 'OPERATOR',
  mustChangePassword: false,
  mfaEnrolmentRequired: false,
};

async function main(): Promise<void> {
  const scenario = process.env.CRASH_SCENARIO ?? 'check';
  const context = await openCliContext({ root: process.env.CRASH_ROOT });
  const store = context.get<symbol, EventStore>(EVENT_STORE);
  await send({ type: 'restarted', report: await registryConsistency(store) });
  if (scenario === 'check') {
    await context.close();
    return;
  }
  const bus = context.get(CommandBus);
  const submit = () =>
    bus.execute(
      new SubmitApplicationCommand(customer, submission(process.env.CRASH_POINT_ID ?? '')),
    );
  const seen: string[] = [];
  const arm = () =>
    CommandSteps.install(async (step) => {
      seen.push(step);
      if (step !== process.env.CRASH_AT_STEP) return;
      await send({ type: 'reached', step });
      await new Promise(() => undefined);
    });
  if (scenario === 'submit') {
    arm();
    await submit();
    seen.push('answered');
  } else {
    const { id: applicationId } = await submit();
    await bus.execute(new StartProcessingCommand(operator, applicationId, 0));
    arm();
    await bus.execute(new CompleteApplicationCommand(operator, applicationId, 1));
    seen.push('answered');
  }
  CommandSteps.install(undefined);
  await send({ type: 'finished', steps: seen });
  await context.close();
}

function submission(pointId: string) {
  const japan = new Date(Date.now() + 9 * 3_600_000 + 30 * 86_400_000);
  return {
    kind: 'NEW' as const,
    customer: {
      name: '株式会社ビールート電機',
      department: '設備管理部',
      contactName: '山田　太郎',
      phone: '0312345678',
    },
    applicant: {
      company: '東都設備工事株式会社',
      department: '電気工事課',
      name: '佐藤　花子',
      phone1: '09012345678',
      email: 'sato@example.jp',
    },
    meteringPoints: [{ pointId, meterNumber: '146832', inputFormatName: 'F4S2' }],
    desiredStartDate: japan.toISOString().slice(0, 10),
    consentConfirmed: true,
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
