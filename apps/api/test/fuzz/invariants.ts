import { CONTRACT_ERROR_CODES } from './contract-arbitraries';

/** What came back for one request, as the invariants look at it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Present when `text` is JSON. */
  readonly json?: unknown;
}

export interface Violation {
  readonly rule: string;
  readonly detail: string;
}

/**
 * Words that only an internal failure puts in an answer: stack frames, source paths, SQL and the
 * driver's messages, JavaScript's own error names. The request's own strings are taken out of
 * the answer first, so an echoed hostile value (`'; DROP TABLE …`) is not mistaken for a leak.
 */
const LEAKS: readonly [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\]]+ \(|\bat (?:file:\/\/|\/)\S+:\d+:\d+/],
  ['source file', /\.(?:ts|js|mjs|cjs):\d+/],
  ['path', /[/\\](?:node_modules|dist|libs|apps|work|home|tmp|usr|var)[/\\]/],
  [
    'SQL',
    /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]{0,200}\b(?:FROM|WHERE|VALUES|SET)\b/,
  ],
  [
    'database message',
    /syntax error at or near|invalid byte sequence|violates \w+ constraint|duplicate key|relation "|column "|global_position|stream_id|xid8|ECONNREFUSED/i,
  ],
  [
    'JavaScript error',
    /RangeError|TypeError|ReferenceError|Maximum call stack|Cannot read propert|is not a function|is not iterable|undefined is not/,
  ],
];

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= 3) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      stringsIn(key, into);
      stringsIn(item, into);
    }
  }
  return into;
}

function withoutEchoes(text: string, sent: unknown): string {
  let rest = text;
  const echoes = stringsIn(sent).sort((a, b) => b.length - a.length);
  for (const echo of echoes) {
    rest = rest.split(echo).join('').split(JSON.stringify(echo).slice(1, -1)).join('');
  }
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorShapeProblems(error: unknown): string | null {
  if (!isRecord(error)) return 'an error that is not an object';
  if (typeof error['message'] !== 'string' || error['message'] === '')
    return 'an error without a message';
  const extensions = error['extensions'];
  if (!isRecord(extensions)) return 'an error without extensions';
  const code = extensions['code'];
  if (typeof code !== 'string' || !CONTRACT_ERROR_CODES.has(code)) {
    return `extensions.code ${JSON.stringify(code)} is not a contract ErrorCode`;
  }
  if (code === 'BAD_USER_INPUT') {
    const fields = extensions['fields'];
    if (!Array.isArray(fields)) return 'BAD_USER_INPUT without extensions.fields';
    for (const field of fields) {
      if (
        !isRecord(field) ||
        typeof field['field'] !== 'string' ||
        typeof field['code'] !== 'string' ||
        typeof field['message'] !== 'string'
      ) {
        return `a field error not shaped { field, code, message }: ${JSON.stringify(field)}`;
      }
    }
  }
  return null;
}

/**
 * The answer to any request, however hostile: not a 5xx; GraphQL-shaped JSON whose every error
 * carries a contract ErrorCode (validation and parse failures included, as BAD_USER_INPUT);
 * nothing internal in it; and, for an operation of the contract, its field when there is no error.
 */
export function answerViolations(answer: Answer, sent: unknown, field?: string): Violation[] {
  const violations: Violation[] = [];
  if (answer.status >= 500) violations.push({ rule: '5xx', detail: `HTTP ${answer.status}` });
  const body = answer.json;
  if (!isRecord(body)) {
    violations.push({
      rule: 'GraphQL-shaped',
      detail: `not a JSON object: ${answer.text.slice(0, 200)}`,
    });
  } else if (body['errors'] !== undefined) {
    const errors = body['errors'];
    if (!Array.isArray(errors) || errors.length === 0) {
      violations.push({ rule: 'GraphQL-shaped', detail: 'errors is not a non-empty list' });
    } else {
      for (const error of errors) {
        const problem = errorShapeProblems(error);
        if (problem) violations.push({ rule: 'ErrorCode', detail: problem });
      }
    }
  } else if (!isRecord(body['data'])) {
    violations.push({
      rule: 'GraphQL-shaped',
      detail: `neither errors nor data: ${answer.text.slice(0, 200)}`,
    });
  } else if (field && (body['data'][field] === null || body['data'][field] === undefined)) {
    violations.push({ rule: 'GraphQL-shaped', detail: `no ${field} and no error` });
  }
  const visible = withoutEchoes(answer.text, sent);
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(visible);
    if (match) {
      const around = visible.slice(Math.max(0, match.index - 60), match.index + 80);
      violations.push({ rule: 'no internals', detail: `${name}: …${around}…` });
    }
  }
  for (const [header, expected] of [
    ['x-content-type-options', /^nosniff$/],
    ['cache-control', /no-store/],
  ] as const) {
    if (!expected.test(answer.headers.get(header) ?? '')) {
      violations.push({
        rule: 'security headers',
        detail: `${header}: ${answer.headers.get(header)}`,
      });
    }
  }
  return violations;
}

export function isRefusal(answer: Answer): boolean {
  return !isRecord(answer.json) || answer.json['errors'] !== undefined || answer.status >= 300;
}

/**
 * Failures that only work in flight on another branch fixes (issue 11 §6, the `access` helper):
 * a 64 kB body limit answered in GraphQL's shape and Japanese, and helmet's headers with
 * `Cache-Control: no-store` on /graphql. Each is still checked and counted; empty this list once
 * that work is on main, so that these failures fail the suite again.
 */
export const AWAITING_ACCESS_BRANCH: readonly {
  readonly name: string;
  readonly covers: (answer: Answer, violation: Violation) => boolean;
}[] = [];
