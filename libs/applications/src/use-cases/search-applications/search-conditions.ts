import type { FieldError } from '@app/event-sourcing';
import { addDays, parseCalendarDay, type CalendarDay } from '../../domain/calendar-day';
import { customerNameSearchKey } from '../../projections/customer-name-search-key';
import type { ApplicationKind, ApplicationStatus } from '../../domain/application.event';
import type { SearchConditions } from '../../queries/application-search.sql';
import { applicationMessages } from '../../messages';

/** APP-10 as asked: days are `YYYY-MM-DD` in Japan; every criterion may be left out. */
export interface ApplicationSearchFilter {
  readonly applicationId?: number | null;
  readonly registeredFrom?: string | null;
  readonly registeredTo?: string | null;
  readonly customerName?: string | null;
  readonly status?: ApplicationStatus | null;
  readonly kind?: ApplicationKind | null;
  /** OPS-1: not updated for this many days (e.g. RETURNED ones the applicant abandoned). */
  readonly untouchedForDays?: number | null;
}

/** A bound so that one request cannot decrypt the whole table. */
export const MAX_APPLICATIONS_PAGE = 100;
export const MAX_CUSTOMER_NAME_QUERY = 100;

const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+9, without daylight saving, since 1952.
const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** 00:00 in Japan on that day, as an instant. */
export function japanMidnight(day: CalendarDay): Date {
  return new Date(day * MS_PER_DAY - JAPAN_OFFSET_MS);
}

function daysBefore(now: Date | undefined, days: number): Date {
  // The handler passes its clock; a caller without one asked for what it cannot answer.
  if (now === undefined) throw new Error('untouchedForDays needs the current instant');
  return new Date(now.getTime() - days * MS_PER_DAY);
}

export type SearchCheck =
  | { readonly ok: true; readonly conditions: SearchConditions }
  | { readonly ok: false; readonly problems: FieldError[] };

/**
 * APP-10: the filter as the read model compares it. Days become the instants
 * [from 00:00 JST, day after `to` 00:00 JST); a name becomes its search key. A blank name is
 * no criterion, as a search form's empty field; an empty filter lists everything visible.
 */
export function searchConditions(filter: ApplicationSearchFilter, now?: Date): SearchCheck {
  const problems: FieldError[] = [];
  const untouched = filter.untouchedForDays;
  if (untouched != null && (!Number.isInteger(untouched) || untouched < 1)) {
    problems.push({
      field: 'filter.untouchedForDays',
      code: 'OUT_OF_RANGE',
      message: applicationMessages.searchDays,
    });
  }
  const from = dayOf(filter.registeredFrom, 'filter.registeredFrom', problems);
  const to = dayOf(filter.registeredTo, 'filter.registeredTo', problems);
  if (from !== undefined && to !== undefined && to < from) {
    problems.push({
      field: 'filter.registeredTo',
      code: 'BEFORE_START',
      message: applicationMessages.searchDateOrder,
    });
  }
  const name = filter.customerName?.trim() ?? '';
  if (name.length > MAX_CUSTOMER_NAME_QUERY) {
    problems.push({
      field: 'filter.customerName',
      code: 'TOO_LONG',
      message: applicationMessages.searchNameTooLong(MAX_CUSTOMER_NAME_QUERY),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const key = customerNameSearchKey(name);
  return {
    ok: true,
    conditions: {
      ...(filter.applicationId != null && { applicationId: filter.applicationId }),
      ...(from !== undefined && { registeredFrom: japanMidnight(from) }),
      ...(to !== undefined && { registeredBefore: japanMidnight(addDays(to, 1)) }),
      ...(key !== '' && { customerNameKey: key }),
      ...(filter.status != null && { status: filter.status }),
      ...(filter.kind != null && { kind: filter.kind }),
      ...(untouched != null && { updatedBefore: daysBefore(now, untouched) }),
    },
  };
}

export function pageProblems(offset: number, limit: number): FieldError[] {
  const problems: FieldError[] = [];
  if (offset < 0) {
    problems.push({
      field: 'offset',
      code: 'OUT_OF_RANGE',
      message: applicationMessages.searchOffset,
    });
  }
  if (limit < 1 || limit > MAX_APPLICATIONS_PAGE) {
    problems.push({
      field: 'limit',
      code: 'OUT_OF_RANGE',
      message: applicationMessages.searchLimit(MAX_APPLICATIONS_PAGE),
    });
  }
  return problems;
}

function dayOf(
  text: string | null | undefined,
  field: string,
  problems: FieldError[],
): CalendarDay | undefined {
  if (text == null) return undefined;
  const day = parseCalendarDay(text);
  if (day === undefined) {
    problems.push({ field, code: 'INVALID_DATE', message: applicationMessages.searchDate });
  }
  return day;
}
