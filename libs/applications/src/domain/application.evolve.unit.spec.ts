import { evolve } from './application.evolve';
import { initialState } from './application.state';
import { occurredAtOf } from './application.event';
import { given } from '../testing/application-scenario';
import {
  T0,
  completed,
  processingStarted,
  rejected,
  returned,
  submitted,
  withdrawn,
} from '../testing/application-mother';

describe('application state', () => {
  it('starts NOT_SUBMITTED', () => {
    expect(initialState).toEqual({ status: 'NOT_SUBMITTED' });
  });

  it('OPS-1: folds the lifecycle, keeping the registration instant and moving updatedAt', () => {
    const history = [submitted(), processingStarted(), returned()];
    const state = given(...history).state;
    expect(state).toMatchObject({
      status: 'RETURNED',
      statusReason: '計器IDをご確認ください。',
      registeredAt: T0.toISOString(),
      updatedAt: occurredAtOf(returned()),
    });
  });

  it('replay leaves the state as it is for an event that does not fit it', () => {
    const done = given(submitted(), processingStarted(), completed()).state;
    expect(evolve(done, rejected())).toBe(done);
    expect(evolve(done, withdrawn())).toBe(done);
    expect(evolve(initialState, processingStarted())).toBe(initialState);
    const received = given(submitted()).state;
    expect(evolve(received, submitted())).toBe(received);
    expect(evolve(received, completed())).toBe(received);
  });
});
