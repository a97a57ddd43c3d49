import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { InvalidInputError } from '../errors/domain-error';

/**
 * `DateTime`: an ISO-8601 instant with an offset, as a JS `Date`. The gateway maps TypeScript
 * `Date` fields to it, so `@Field() createdAt: Date` is enough; Nest's own `GraphQLISODateTime`
 * must not be used next to it (same name, and it accepts invalid dates).
 */
export const DateTimeScalar: GraphQLScalarType = DateTimeResolver;

/** `JSON`: any JSON value, e.g. an event's data. */
export const JsonScalar: GraphQLScalarType = JSONResolver;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const INVALID_DATE = '日付は YYYY-MM-DD 形式の実在する日付で指定してください。';

/** Throws a DomainError so the gateway shows its message; graphql-js adds where it happened. */
function calendarDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new InvalidInputError([], INVALID_DATE);
}

/**
 * `Date`: a calendar day in Japan time, `YYYY-MM-DD`, kept as a string on both sides. A JS `Date`
 * is refused on output on purpose: turning an instant into a day needs a time zone, and that
 * decision belongs to the domain, not to serialisation.
 */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in Japan time (Asia/Tokyo), YYYY-MM-DD.',
  serialize(value) {
    // A bad value here is the server's bug, not the caller's input.
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new TypeError(`Date cannot serialise ${String(value)}: expected a YYYY-MM-DD string`);
  },
  parseValue: calendarDate,
  parseLiteral(ast) {
    return calendarDate(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
