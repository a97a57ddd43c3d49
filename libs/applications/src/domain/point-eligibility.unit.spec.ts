import { eligibilityRefusal, type KnownMeteringPoint } from './point-eligibility';
import { receptionPoint, supplyPoint } from '../testing/application-mother';

const served: KnownMeteringPoint = {
  terminalType: 'HIGH_VOLTAGE_TERMINAL',
  island: false,
  bRouteState: 'NOT_SUBSCRIBED',
};
const active: KnownMeteringPoint = { ...served, bRouteState: 'ACTIVE' };

describe('metering point eligibility', () => {
  it('APP-8: a point the registry knows to be on an island is NOT_SERVED', () => {
    const error = eligibilityRefusal('NEW', [
      { point: supplyPoint, index: 0, known: served },
      { point: receptionPoint, index: 1, known: { ...served, island: true } },
    ]);
    expect(error).toMatchObject({
      code: 'NOT_SERVED',
      fields: [{ field: 'meteringPoints[1].pointId', code: 'ISLAND' }],
    });
  });

  it('APP-8: a point behind an optical terminal is NOT_SERVED', () => {
    const error = eligibilityRefusal('TERMINATION', [
      { point: supplyPoint, index: 0, known: { ...served, terminalType: 'OPTICAL' } },
    ]);
    expect(error).toMatchObject({
      code: 'NOT_SERVED',
      fields: [{ field: 'meteringPoints[0].pointId', code: 'OPTICAL_TERMINAL' }],
    });
    expect(error?.message).toMatch(/対象外/u);
  });

  it('APP-8: a point the registry does not know is left to the operator', () => {
    expect(eligibilityRefusal('NEW', [{ point: supplyPoint, index: 0, known: null }])).toBeNull();
    expect(
      eligibilityRefusal('NEW', [
        { point: supplyPoint, index: 0, known: { ...served, terminalType: 'UNKNOWN' } },
      ]),
    ).toBeNull();
  });

  it('OPS-4: ACTIVATION applies to points whose B-route is ACTIVE only', () => {
    expect(
      eligibilityRefusal('ACTIVATION', [{ point: supplyPoint, index: 0, known: active }]),
    ).toBeNull();
    const error = eligibilityRefusal('ACTIVATION', [
      { point: supplyPoint, index: 0, known: active },
      { point: receptionPoint, index: 1, known: served },
      { point: { ...supplyPoint, pointId: '0310119999999999999999' }, index: 2, known: null },
    ]);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'meteringPoints[1].pointId', code: 'B_ROUTE_NOT_ACTIVE' },
        { field: 'meteringPoints[2].pointId', code: 'B_ROUTE_NOT_ACTIVE' },
      ],
    });
  });
});

describe('OPS-4 for TERMINATION', () => {
  it('OPS-4: TERMINATION is refused on a point the registry knows is not ACTIVE', () => {
    const error = eligibilityRefusal('TERMINATION', [
      { point: supplyPoint, index: 0, known: active },
      { point: receptionPoint, index: 1, known: served },
      { point: supplyPoint, index: 2, known: { ...served, bRouteState: 'TERMINATED' } },
    ]);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'meteringPoints[1].pointId', code: 'B_ROUTE_NOT_ACTIVE' },
        { field: 'meteringPoints[2].pointId', code: 'B_ROUTE_NOT_ACTIVE' },
      ],
    });
    expect(error?.fields[0]?.message).toContain('廃止');
  });

  it('OPS-4: TERMINATION of a point the registry does not know is left to the operator', () => {
    expect(
      eligibilityRefusal('TERMINATION', [
        { point: supplyPoint, index: 0, known: null },
        { point: receptionPoint, index: 1, known: active },
      ]),
    ).toBeNull();
  });
});
