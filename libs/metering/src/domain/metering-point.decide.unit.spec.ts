import {
  APPLICATION_ID,
  METER_ID,
  OTHER_APPLICATION_ID,
  POINT_ID,
  activePoint,
  claim,
  claimed,
  corrected,
  record,
  recorded,
  release,
  released,
} from '../testing/metering-point-mother';
import { given } from '../testing/metering-point-scenario';

describe('metering point registry', () => {
  describe('record and correct', () => {
    it('MTR-1: an unknown point is recorded with its description, B-route NOT_SUBSCRIBED', () => {
      const state = given().when(record()).then(recorded());
      expect(state).toEqual({
        status: 'Registered',
        pointId: POINT_ID,
        kind: 'SUPPLY',
        meterId: METER_ID,
        terminalType: 'HIGH_VOLTAGE_TERMINAL',
        island: false,
        bRouteState: 'NOT_SUBSCRIBED',
        claim: null,
      });
    });

    it('MTR-1: a known point is corrected with its whole new description', () => {
      const state = given(recorded())
        .when(record({ terminalType: 'OPTICAL', island: true }))
        .then(corrected({ meterId: METER_ID, terminalType: 'OPTICAL', island: true }));
      expect(state).toMatchObject({ terminalType: 'OPTICAL', island: true });
    });

    it('MTR-1: a correction without a meter ID keeps the known one', () => {
      given(recorded())
        .when(record({ meterId: null, terminalType: 'OPTICAL' }))
        .then(corrected({ meterId: METER_ID, terminalType: 'OPTICAL', island: false }));
    });

    it('MTR-1: recording what the registry already holds appends nothing', () => {
      given(recorded()).when(record()).then();
    });

    it('MTR-1: a correction keeps the B-route state and the open claim', () => {
      const state = given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
        .when(record({ island: true }))
        .then(
          corrected({ meterId: METER_ID, terminalType: 'HIGH_VOLTAGE_TERMINAL', island: true }),
        );
      expect(state).toMatchObject({
        bRouteState: 'PENDING',
        claim: { applicationId: APPLICATION_ID, kind: 'NEW' },
      });
    });
  });

  describe('claims', () => {
    it('MTR-2: a NEW claim on an unknown point starts its stream (terminal UNKNOWN) and holds it', () => {
      const state = given()
        .when(claim('NEW'))
        .then(
          recorded({ terminalType: 'UNKNOWN', island: false }),
          claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'),
        );
      expect(state).toMatchObject({
        terminalType: 'UNKNOWN',
        meterId: METER_ID,
        bRouteState: 'PENDING',
        claim: { applicationId: APPLICATION_ID, kind: 'NEW', bRouteStateBefore: 'NOT_SUBSCRIBED' },
      });
    });

    it('MTR-2: a NEW claim makes a recorded point PENDING', () => {
      given(recorded())
        .when(claim('NEW'))
        .then(claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'));
    });

    it('MTR-2: a TERMINATION claim holds an ACTIVE point and leaves it ACTIVE', () => {
      given(...activePoint())
        .when(claim('TERMINATION'))
        .then(claimed('TERMINATION', 'ACTIVE', 'ACTIVE'));
    });

    it('MTR-2: the same application claiming again changes nothing', () => {
      given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
        .when(claim('NEW'))
        .then();
    });

    it.each(['NEW', 'TERMINATION'] as const)(
      'MTR-2: a %s claim by another application is refused, naming the holding 申込ID',
      (kind) => {
        const { message } = given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
          .when(claim(kind, OTHER_APPLICATION_ID))
          .thenRefused('POINT_HELD_BY_ANOTHER_APPLICATION');
        expect(message).toContain(`申込ID: ${APPLICATION_ID}`);
      },
    );

    it('MTR-2: ACTIVATION never claims, not even an unknown or a held point', () => {
      given().when(claim('ACTIVATION')).then();
      given(...activePoint(), claimed('TERMINATION', 'ACTIVE', 'ACTIVE'))
        .when(claim('ACTIVATION', OTHER_APPLICATION_ID))
        .then();
    });

    it('MTR-2: once released, the point may be claimed by another application', () => {
      given(
        recorded(),
        claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'),
        released('NEW', 'WITHDRAWN', 'NOT_SUBSCRIBED'),
      )
        .when(claim('NEW', OTHER_APPLICATION_ID))
        .then(claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING', OTHER_APPLICATION_ID));
    });

    it('APP-11: a NEW claim on an ACTIVE point (work on the terminal) leaves the B-route ACTIVE', () => {
      given(...activePoint())
        .when(claim('NEW'))
        .then(claimed('NEW', 'ACTIVE', 'ACTIVE'));
    });
  });

  describe('releases', () => {
    it('OPS-4: completing a NEW application makes the B-route ACTIVE and frees the point', () => {
      const state = given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
        .when(release('COMPLETED'))
        .then(released('NEW', 'COMPLETED', 'ACTIVE'));
      expect(state).toMatchObject({ bRouteState: 'ACTIVE', claim: null });
    });

    it('OPS-4: completing a TERMINATION makes the B-route TERMINATED', () => {
      given(...activePoint(), claimed('TERMINATION', 'ACTIVE', 'ACTIVE'))
        .when(release('COMPLETED'))
        .then(released('TERMINATION', 'COMPLETED', 'TERMINATED'));
    });

    it.each(['WITHDRAWN', 'REJECTED', 'ABANDONED'] as const)(
      'OPS-4: a NEW application %s restores the state the point had before the claim',
      (outcome) => {
        given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
          .when(release(outcome))
          .then(released('NEW', outcome, 'NOT_SUBSCRIBED'));
        given(...activePoint(), claimed('TERMINATION', 'ACTIVE', 'ACTIVE'))
          .when(release(outcome))
          .then(released('TERMINATION', outcome, 'ACTIVE'));
      },
    );

    it('OPS-4: a release by an application that holds nothing changes nothing', () => {
      given().when(release('COMPLETED')).then();
      given(recorded()).when(release('COMPLETED')).then();
      given(recorded(), claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING'))
        .when(release('COMPLETED', OTHER_APPLICATION_ID))
        .then();
    });
  });
});
