import { domainErrorOf, type CommandScope } from '@app/event-sourcing';
import type { ApplicationKind, ApplicationMeteringPoint } from '../domain/application.event';
import { eligibilityRefusal } from '../domain/point-eligibility';
import type { MeteringPoints } from './metering-points';

/**
 * APP-8 and OPS-4 against what the registry knows of each point, before anything is written; in
 * the command's `scope`, so that the claims (MTR-2) decide on the same reads.
 */
export class PointEligibility {
  constructor(private readonly points: MeteringPoints) {}

  async check(
    kind: ApplicationKind,
    points: readonly { readonly point: ApplicationMeteringPoint; readonly index: number }[],
    scope?: CommandScope,
  ): Promise<void> {
    const known = [];
    // One after the other: PGlite serves one query at a time anyway, and the list is short.
    for (const { point, index } of points) {
      known.push({
        point,
        index,
        known: point.unissued ? null : await this.points.find(point.pointId, scope),
      });
    }
    const refusal = eligibilityRefusal(kind, known);
    if (refusal !== null) throw domainErrorOf(refusal);
  }
}
