import type { ApplicationChanges, ApplicationCommand } from './application.command';
import type { ApplicationEvent } from './application.event';
import { asSealedText } from './sealed-text';
import { given } from '../testing/application-scenario';
import {
  T0,
  applicant,
  auditor,
  completed,
  customer,
  minutesAfter,
  operator,
  otherCustomer,
  owner,
  processingStarted,
  receptionPoint,
  rejected,
  returned,
  submitted,
  supplyPoint,
  withdrawn,
} from '../testing/application-mother';

const later = minutesAfter(T0, 240);

function change(changes: ApplicationChanges, actor = owner): ApplicationCommand {
  return { type: 'ChangeApplication', data: { actor, changes } };
}

function withdraw(reason?: string | null, actor = owner): ApplicationCommand {
  return { type: 'WithdrawApplication', data: { actor, reason } };
}

const newCustomer = {
  ...customer,
  name: '東京電機工業株式会社　本社',
  phone: asSealedText('sealed:new'),
};
const holidayWarning = {
  code: 'CONSECUTIVE_HOLIDAYS' as const,
  message: '申込日から利用開始希望日までの間に連休があるため、利用開始が遅れる場合があります。',
  from: '2026-05-02',
  to: '2026-05-06',
};

function changed(
  overrides: Partial<Extract<ApplicationEvent, { type: 'ApplicationChanged' }>['data']>,
): ApplicationEvent {
  const event = submitted();
  if (event.type !== 'ApplicationSubmitted') throw new Error('unexpected mother');
  const { data } = event;
  return {
    type: 'ApplicationChanged',
    data: {
      applicationId: data.applicationId,
      ownerAccountId: data.ownerAccountId,
      kind: data.kind,
      customer: data.customer,
      applicant: data.applicant,
      meteringPoints: data.meteringPoints,
      desiredStartDate: data.desiredStartDate,
      warnings: data.warnings,
      changedSections: [],
      previousStatus: 'RECEIVED',
      status: 'RECEIVED',
      resubmitted: false,
      changedAt: later.toISOString(),
      ...overrides,
    },
  };
}

describe('changes by the owner', () => {
  it('OPS-2: the owner changes a RECEIVED application; the event holds the whole new content', () => {
    const state = given(submitted())
      .when(
        change({
          customer: newCustomer,
          meteringPoints: [supplyPoint, receptionPoint],
          desiredStartDate: { value: '2026-05-10', warnings: [holidayWarning] },
        }),
        later,
      )
      .then(
        changed({
          customer: newCustomer,
          meteringPoints: [supplyPoint, receptionPoint],
          desiredStartDate: '2026-05-10',
          warnings: [holidayWarning],
          changedSections: ['customer', 'meteringPoints', 'desiredStartDate'],
        }),
      );
    expect(state).toMatchObject({
      status: 'RECEIVED',
      customer: newCustomer,
      applicant,
      desiredStartDate: '2026-05-10',
      registeredAt: T0.toISOString(),
      updatedAt: later.toISOString(),
    });
  });

  it('OPS-2: a change while RETURNED resubmits the application: RECEIVED again, reason cleared', () => {
    const state = given(submitted(), processingStarted(), returned())
      .when(change({ applicant: { ...applicant, phone2: asSealedText('sealed:phone2') } }), later)
      .then(
        changed({
          applicant: { ...applicant, phone2: asSealedText('sealed:phone2') },
          changedSections: ['applicant'],
          previousStatus: 'RETURNED',
          resubmitted: true,
        }),
      );
    expect(state).toMatchObject({ status: 'RECEIVED', statusReason: null });
  });

  it('OPS-2: an empty change resubmits a RETURNED application as it is', () => {
    given(submitted(), returned())
      .when(change({}), later)
      .then(changed({ previousStatus: 'RETURNED', resubmitted: true }));
  });

  it('OPS-2: an empty change of a RECEIVED application records nothing', () => {
    given(submitted()).when(change({}), later).then();
  });

  it('APP-5: a change may not drop every metering point', () => {
    given(submitted())
      .when(change({ meteringPoints: [] }), later)
      .thenRefused('BAD_USER_INPUT');
  });

  it.each([
    ['IN_PROGRESS', [submitted(), processingStarted()]],
    ['COMPLETED', [submitted(), processingStarted(), completed()]],
    ['REJECTED', [submitted(), rejected()]],
    ['WITHDRAWN', [submitted(), withdrawn()]],
  ] as const)(
    'OPS-2: an application %s can be neither changed nor withdrawn',
    (_status, history) => {
      given(...history)
        .when(change({ customer: newCustomer }), later)
        .thenRefused('CONFLICT');
      given(...history)
        .when(withdraw(), later)
        .thenRefused('CONFLICT');
    },
  );

  it('OPS-2: the owner withdraws a RECEIVED or RETURNED application, with or without a reason', () => {
    const state = given(submitted())
      .when(withdraw('  計画を見直したため  '), later)
      .then(withdrawn('計画を見直したため', later));
    expect(state).toMatchObject({ status: 'WITHDRAWN', statusReason: '計画を見直したため' });
    given(submitted(), returned()).when(withdraw(' '), later).then(withdrawn(null, later));
  });

  it('Visibility: another customer’s application is NOT_FOUND, like a missing one', () => {
    given(submitted())
      .when(change({ customer: newCustomer }, otherCustomer), later)
      .thenRefused('NOT_FOUND');
    given(submitted()).when(withdraw(null, otherCustomer), later).thenRefused('NOT_FOUND');
    given().when(withdraw(null), later).thenRefused('NOT_FOUND');
  });

  it('OPS-2: operators and auditors neither change nor withdraw (FORBIDDEN)', () => {
    for (const actor of [operator, auditor]) {
      given(submitted())
        .when(change({ customer: newCustomer }, actor), later)
        .thenRefused('FORBIDDEN');
      given(submitted()).when(withdraw(null, actor), later).thenRefused('FORBIDDEN');
    }
  });
});
