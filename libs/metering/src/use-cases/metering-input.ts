import type { FieldError } from '@app/event-sourcing';
import { parseMeterId } from '../domain/meter-id';
import type { ParseResult } from '../domain/parse-result';
import { parsePointId, type PointId } from '../domain/point-id';
import { UNISSUED_POINT_ID } from '../infrastructure/metering-registry';

/** A point ID as typed (APP-5), or the refusal for `field`. */
export function pointIdAt(field: string, text: string): ParseResult<PointId, FieldError> {
  const parsed = parsePointId(text);
  if (parsed.ok) return parsed;
  return { ok: false, error: { field, code: parsed.error.code, message: parsed.error.message } };
}

/** MTR-1: the registry holds issued points only; an unissued ID names no point yet. */
export function issuedPointIdAt(field: string, text: string): ParseResult<PointId, FieldError> {
  const parsed = pointIdAt(field, text);
  if (parsed.ok && parsed.value.unissued) {
    return { ok: false, error: { field, ...UNISSUED_POINT_ID } };
  }
  return parsed;
}

/** A meter ID as typed (APP-6); absent or blank is null, which keeps the one the registry knows. */
export function optionalMeterIdAt(
  field: string,
  text: string | null | undefined,
): ParseResult<string | null, FieldError> {
  if (text === null || text === undefined || text.trim() === '') return { ok: true, value: null };
  const parsed = parseMeterId(text);
  if (parsed.ok) return { ok: true, value: parsed.value.value };
  return { ok: false, error: { field, code: parsed.error.code, message: parsed.error.message } };
}
