import type { FieldError } from '@app/event-sourcing';
import { addDays, parseCalendarDay, type CalendarDay } from '../../domain/calendar-day';
import { customerNameSearchKey } from '../../projections/customer-name-search-key';
import type { ApplicationKind, ApplicationStatus } from '../../domain/application.event';
import type { SearchConditions } from '../../queries/application-search.sql';

/** APP-10 as asked: days are `YYYY-MM-DD` in Japan; every criterion may be left out. */
export interface ApplicationSearchFilter {
  readonly applicationId?: number | null;
  readonly registeredFrom?: string | null;
  readonly registeredTo?: string | null;
  readonly customerName?: string | null;
  readonly status?: ApplicationStatus | null;
  readonly kind?: ApplicationKind | null;
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

export type SearchCheck =
  | { readonly ok: true; readonly conditions: SearchConditions }
  | { readonly ok: false; readonly problems: FieldError[] };

/**
 * APP-10: the filter as the read model compares it. Days become the instants
 * [from 00:00 JST, day after `to` 00:00 JST); a name becomes its search key. A blank name is
 * no criterion, as a search form's empty field; an empty filter lists everything visible.
 */
export function searchConditions(filter: ApplicationSearchFilter): SearchCheck {
  const problems: FieldError[] = [];
  const from = dayOf(filter.registeredFrom, 'filter.registeredFrom', problems);
  const to = dayOf(filter.registeredTo, 'filter.registeredTo', problems);
  if (from !== undefined && to !== undefined && to < from) {
    problems.push({
      field: 'filter.registeredTo',
      code: 'BEFORE_START',
      message: '申込登録日の終了日は開始日以降の日付を指定してください。',
    });
  }
  const name = filter.customerName?.trim() ?? '';
  if (name.length > MAX_CUSTOMER_NAME_QUERY) {
    problems.push({
      field: 'filter.customerName',
      code: 'TOO_LONG',
      message: `需要家名は${MAX_CUSTOMER_NAME_QUERY}文字以内で指定してください。`,
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
    },
  };
}

export function pageProblems(offset: number, limit: number): FieldError[] {
  const problems: FieldError[] = [];
  if (offset < 0) {
    problems.push({ field: 'offset', code: 'OUT_OF_RANGE', message: '0以上を指定してください。' });
  }
  if (limit < 1 || limit > MAX_APPLICATIONS_PAGE) {
    problems.push({
      field: 'limit',
      code: 'OUT_OF_RANGE',
      message: `1以上${MAX_APPLICATIONS_PAGE}以下を指定してください。`,
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
    problems.push({ field, code: 'INVALID_DATE', message: '日付はYYYY-MM-DDで指定してください。' });
  }
  return day;
}
