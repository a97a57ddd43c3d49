import { deciderSpec } from '@app/event-sourcing/testing';
import { decide } from '../domain/account.decide';
import { evolve } from '../domain/account.evolve';
import { initialState } from '../domain/account.state';

/** given(past events).when(command, now).then(new events) | .thenRefused(code, new events). */
export const given = deciderSpec({ decide, evolve, initialState, refusalKey: 'code' });
