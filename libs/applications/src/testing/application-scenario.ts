import { deciderSpec } from '@app/event-sourcing/testing';
import { decide } from '../domain/application.decide';
import { evolve } from '../domain/application.evolve';
import { initialState } from '../domain/application.state';

/** given(past events).when(command, now).then(new events) | .thenRefused(code). */
export const given = deciderSpec({ decide, evolve, initialState, refusalKey: 'code' });
