import type { Actor } from '@app/event-sourcing';
import type { ApplicationCommand } from './application.command';
import { REASON_MAX_LENGTH } from './reason-rules';
import { given } from '../testing/application-scenario';
import {
  T0,
  auditor,
  completed,
  minutesAfter,
  operator,
  otherCustomer,
  owner,
  processingStarted,
  rejected,
  returned,
  submitted,
  withdrawn,
} from '../testing/application-mother';

const startAt = minutesAfter(T0, 60);
const returnAt = minutesAfter(T0, 120);
const completeAt = minutesAfter(T0, 180);

const start = (actor: Actor = operator): ApplicationCommand => ({
  type: 'StartProcessing',
  data: { actor },
});
const giveBack = (
  reason = '計器IDをご確認ください。',
  actor: Actor = operator,
): ApplicationCommand => ({
  type: 'ReturnApplication',
  data: { actor, reason },
});
const reject = (reason = '離島の地点です。', actor: Actor = operator): ApplicationCommand => ({
  type: 'RejectApplication',
  data: { actor, reason },
});
const complete = (actor: Actor = operator): ApplicationCommand => ({
  type: 'CompleteApplication',
  data: { actor },
});

describe('processing by operators', () => {
  it('OPS-1: an operator moves RECEIVED → IN_PROGRESS → COMPLETED', () => {
    given(submitted()).when(start(), startAt).then(processingStarted(startAt));
    const state = given(submitted(), processingStarted())
      .when(complete(), completeAt)
      .then(completed(completeAt));
    expect(state).toMatchObject({ status: 'COMPLETED', updatedAt: completeAt.toISOString() });
  });

  it('OPS-4: the completion names the metering points whose B-route state changes with it', () => {
    const state = given(submitted(), processingStarted())
      .when(complete(), completeAt)
      .then(completed(completeAt));
    expect(state).toMatchObject({ meteringPoints: completed().data.meteringPoints });
  });

  it('OPS-1: an operator returns (差戻し) a RECEIVED or IN_PROGRESS application with a reason', () => {
    const state = given(submitted(), processingStarted())
      .when(giveBack('  計器IDをご確認ください。 '), returnAt)
      .then(returned('計器IDをご確認ください。', returnAt));
    expect(state).toMatchObject({ status: 'RETURNED', statusReason: '計器IDをご確認ください。' });
    given(submitted()).when(giveBack(), returnAt).then(returned(undefined, returnAt));
  });

  it('APP-8: an operator rejects (受付不可) with the reason', () => {
    const state = given(submitted(), processingStarted())
      .when(reject('光通信の端末のため対象外です。'), returnAt)
      .then(rejected('光通信の端末のため対象外です。', returnAt));
    expect(state).toMatchObject({
      status: 'REJECTED',
      statusReason: '光通信の端末のため対象外です。',
    });
  });

  it('OPS-1: returning and rejecting need a reason of at most 1000 characters', () => {
    for (const command of [giveBack(' '), reject(''), reject('あ'.repeat(REASON_MAX_LENGTH + 1))]) {
      const error = given(submitted()).when(command, returnAt).thenRefused('BAD_USER_INPUT');
      expect(error.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
  });

  it('OPS-1: a transition the lifecycle does not have is a CONFLICT', () => {
    given(submitted()).when(complete(), completeAt).thenRefused('CONFLICT');
    given(submitted(), processingStarted()).when(start(), startAt).thenRefused('CONFLICT');
    given(submitted(), returned()).when(start(), startAt).thenRefused('CONFLICT');
    given(submitted(), returned()).when(complete(), completeAt).thenRefused('CONFLICT');
    given(submitted(), withdrawn()).when(reject(), returnAt).thenRefused('CONFLICT');
    given(submitted(), processingStarted(), completed())
      .when(giveBack(), returnAt)
      .thenRefused('CONFLICT');
    given(submitted(), rejected()).when(start(), startAt).thenRefused('CONFLICT');
  });

  it('OPS-1: customers, the owner included, and auditors cannot process (FORBIDDEN)', () => {
    for (const actor of [owner, auditor]) {
      given(submitted()).when(start(actor), startAt).thenRefused('FORBIDDEN');
      given(submitted()).when(giveBack(undefined, actor), returnAt).thenRefused('FORBIDDEN');
      given(submitted()).when(reject(undefined, actor), returnAt).thenRefused('FORBIDDEN');
      given(submitted(), processingStarted())
        .when(complete(actor), completeAt)
        .thenRefused('FORBIDDEN');
    }
    given(submitted()).when(start(otherCustomer), startAt).thenRefused('NOT_FOUND');
  });

  it('OPS-1: processing a missing application is NOT_FOUND', () => {
    given().when(start(), startAt).thenRefused('NOT_FOUND');
  });
});
