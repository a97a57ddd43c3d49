import { given } from '../testing/account-scenario';
import { T0, activeAccount, loggedIn, registered, verified } from '../testing/account-mother';
import { contractStatusOf } from './account.state';

describe('account state', () => {
  it('ACC-2: a verified account is ACTIVE in the contract, a pending one PENDING_VERIFICATION', () => {
    expect(contractStatusOf(given(registered()).state)).toBe('PENDING_VERIFICATION');
    expect(contractStatusOf(given(...activeAccount()).state)).toBe('ACTIVE');
    expect(contractStatusOf(given().state)).toBeNull();
  });

  it('ACC-4: replay leaves the state as it is for an event that does not fit it', () => {
    const pending = given(registered()).state;
    expect(given(registered(), loggedIn(T0)).state).toEqual(pending);
    expect(given(...activeAccount(), verified()).state).toEqual(given(...activeAccount()).state);
  });
});
