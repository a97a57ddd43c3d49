import { deciderSpec } from '@app/event-sourcing/testing';
import { decide } from '../domain/metering-point.decide';
import { evolve } from '../domain/metering-point.evolve';
import { initialState } from '../domain/metering-point.state';

/** given(past events).when(command).then(new events) | .thenRefused(reason). */
export const given = deciderSpec({ decide, evolve, initialState, refusalKey: 'reason' });
