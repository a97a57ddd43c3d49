import type { ApplicationChanges, ApplicationCommand } from './application.command';
import { given } from '../testing/application-scenario';
import {
  customer,
  owner,
  processingStarted,
  returned,
  submitted,
} from '../testing/application-mother';

// The mother's application asks for 2026-04-20; 14 days before it is 2026-04-06 in Japan.
const LAST_SECOND_OF_APRIL_6_JST = new Date('2026-04-06T14:59:59.000Z');
const FIRST_SECOND_OF_APRIL_7_JST = new Date('2026-04-06T15:00:00.000Z');

function change(changes: ApplicationChanges): ApplicationCommand {
  return { type: 'ChangeApplication', data: { actor: owner, changes } };
}

describe('APP-7 whenever the application returns to RECEIVED or its date changes', () => {
  it('APP-7: a resubmission at 23:59:59 JST 14 days before the start date is accepted', () => {
    const state = given(submitted(), processingStarted(), returned())
      .when(change({}), LAST_SECOND_OF_APRIL_6_JST)
      .then(expect.objectContaining({ type: 'ApplicationChanged' }) as never);
    expect(state.status).toBe('RECEIVED');
  });

  it('APP-7: a resubmission one second later (13 days before the start date) is START_DATE_TOO_SOON', () => {
    const error = given(submitted(), processingStarted(), returned())
      .when(change({}), FIRST_SECOND_OF_APRIL_7_JST)
      .thenRefused('START_DATE_TOO_SOON');
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'desiredStartDate', code: 'START_DATE_TOO_SOON' }),
    ]);
    expect(error.message).toContain('2026/04/07');
  });

  it('APP-7: a resubmission that changes other sections only is checked as well', () => {
    given(submitted(), returned())
      .when(
        change({ customer: { ...customer, department: '経理部' } }),
        FIRST_SECOND_OF_APRIL_7_JST,
      )
      .thenRefused('START_DATE_TOO_SOON');
  });

  it('APP-7: a changed date on a RECEIVED application is checked against the day of the change', () => {
    given(submitted())
      .when(
        change({ desiredStartDate: { value: '2026-04-19', warnings: [] } }),
        LAST_SECOND_OF_APRIL_6_JST,
      )
      .thenRefused('START_DATE_TOO_SOON');
    given(submitted())
      .when(
        change({ desiredStartDate: { value: '2026-04-20', warnings: [] } }),
        LAST_SECOND_OF_APRIL_6_JST,
      )
      .then(expect.objectContaining({ type: 'ApplicationChanged' }) as never);
  });

  it('APP-7: a RECEIVED application whose date is not changed keeps it, even when it is now near', () => {
    given(submitted())
      .when(
        change({ customer: { ...customer, department: '経理部' } }),
        FIRST_SECOND_OF_APRIL_7_JST,
      )
      .then(expect.objectContaining({ type: 'ApplicationChanged' }) as never);
  });
});
