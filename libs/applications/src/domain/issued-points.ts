import type { FieldError } from '@app/event-sourcing';
import type { IssuedPoint } from './application.command';
import type { ApplicationMeteringPoint, PointIdAssignment } from './application.event';
import { applicationMessages } from '../messages';

const PREFIX_LENGTH = 6;
const ALL_ZERO_SERIAL = /^\d{6}0{16}$/u;

/**
 * OPS-4: completing an application that names unissued point IDs (APP-5) needs the issued ID of
 * each, with the same prefix (a supply point stays a supply point). The IDs arrive normalised
 * (22 half-width digits) by the input rules; this checks what only the application knows.
 */
export function issuedPointProblems(
  points: readonly ApplicationMeteringPoint[],
  issuedPoints: readonly IssuedPoint[],
): FieldError[] {
  const problems: FieldError[] = [];
  const given = new Set<number>();
  const ids = new Set(points.filter((point) => !point.unissued).map((point) => point.pointId));
  issuedPoints.forEach(({ index, pointId }, position) => {
    const at = `issuedPoints[${position}]`;
    const point = points[index];
    if (point === undefined) {
      problems.push(problem(`${at}.index`, 'NO_SUCH_POINT', applicationMessages.issuedPointIndex));
    } else if (!point.unissued) {
      problems.push(
        problem(
          `${at}.index`,
          'POINT_ALREADY_ISSUED',
          applicationMessages.issuedPointNotUnissued(index),
        ),
      );
    } else if (ALL_ZERO_SERIAL.test(pointId)) {
      problems.push(
        problem(`${at}.pointId`, 'STILL_UNISSUED', applicationMessages.issuedPointStillUnissued),
      );
    } else if (pointId.slice(0, PREFIX_LENGTH) !== point.pointId.slice(0, PREFIX_LENGTH)) {
      const prefix = point.pointId.slice(0, PREFIX_LENGTH);
      problems.push(
        problem(
          `${at}.pointId`,
          'PREFIX_MISMATCH',
          applicationMessages.issuedPointPrefix(`${prefix.slice(0, 2)}-${prefix.slice(2)}`),
        ),
      );
    } else if (ids.has(pointId) || given.has(index)) {
      problems.push(
        problem(`${at}.pointId`, 'DUPLICATE_POINT_ID', applicationMessages.issuedPointDuplicate),
      );
    }
    given.add(index);
    ids.add(pointId);
  });
  points.forEach((point, index) => {
    if (point.unissued && !given.has(index)) {
      problems.push(
        problem(
          'issuedPoints',
          'ISSUED_POINT_REQUIRED',
          applicationMessages.issuedPointRequired(index),
        ),
      );
    }
  });
  return problems;
}

/** The list with the issued IDs in place, and what was replaced (for the history). */
export function withIssuedPoints(
  points: readonly ApplicationMeteringPoint[],
  issuedPoints: readonly IssuedPoint[],
): { meteringPoints: ApplicationMeteringPoint[]; assignments: PointIdAssignment[] } {
  const byIndex = new Map(issuedPoints.map(({ index, pointId }) => [index, pointId]));
  const assignments: PointIdAssignment[] = [];
  const meteringPoints = points.map((point, index) => {
    const pointId = byIndex.get(index);
    if (pointId === undefined || !point.unissued) return point;
    assignments.push({ index, unissuedPointId: point.pointId, pointId });
    return { ...point, pointId, unissued: false };
  });
  return { meteringPoints, assignments };
}

function problem(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}
