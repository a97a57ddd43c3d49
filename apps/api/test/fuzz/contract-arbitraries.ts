import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import {
  hostileDate,
  hostileInteger,
  hostileString,
  tainted,
  wrongJsonType,
} from './hostile-values';

/** The public contract, as committed: the fuzzer's idea of what a request may look like. */
const CONTRACT: GraphQLSchema = buildSchema(
  readFileSync(resolve(process.cwd(), 'apps/api/contract/schema.graphql'), 'utf8'),
);

/** Every `extensions.code` a refused operation may carry. */
export const CONTRACT_ERROR_CODES: ReadonlySet<string> = new Set(
  (() => {
    const type = CONTRACT.getType('ErrorCode');
    if (!isEnumType(type)) throw new Error('the contract has no ErrorCode enum');
    return type.getValues().map((value) => value.name);
  })(),
);

/**
 * What the fuzzer knows about the world it runs in: values that pass the contexts' checks, so a
 * case with one hostile field reaches the code behind the checks of the others.
 */
export interface FuzzWorld {
  /** Applications of the fuzzing customer, for `changeApplication`. */
  readonly ownApplications: readonly { id: number; revision: number }[];
  /** Applications an operator has started, for `completeApplication`. */
  readonly inProgressApplications: readonly { id: number; revision: number }[];
  /** A registered, verified account and its password, for `login`. */
  readonly account: { readonly userId: string; readonly password: string };
}

const JAPAN_OFFSET_MS = 9 * 3_600_000;

function japanDayPlus(days: number): string {
  return new Date(Date.now() + JAPAN_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));

const pointId = fc.oneof(
  digits(16).map((rest) => `031011${rest}`),
  digits(16).map((rest) => `031012${rest}`),
  digits(16).map((rest) => `03-1011-${rest.replace(/(\d{4})(?=\d)/g, '$1-')}`),
  fc.constant('03-1011-0000-0000-0000-0000'),
);

const phone = fc.constantFrom('03-1234-5678', '090-1234-5678', '0312345678', '09012345678');

/** Plausible values by the field's name, or by its path where one name means two things. */
function plausible(path: string, world: () => FuzzWorld): fc.Arbitrary<unknown> | undefined {
  const name = path.split('.').at(-1) ?? path;
  const pick = <T>(of: () => readonly T[], fallback: T) =>
    fc.nat().map((index) => of()[index % Math.max(of().length, 1)] ?? fallback);
  switch (path) {
    case 'login.userId':
      return fc.oneof(
        fc.constant(null).map(() => world().account.userId),
        fc.stringMatching(/^[a-z0-9._@-]{1,20}$/),
      );
    case 'login.password':
      return fc.oneof(
        fc.constant(null).map(() => world().account.password),
        fc.string({ minLength: 8, maxLength: 20 }),
      );
    case 'changeApplication.id':
      return pick(() => world().ownApplications, { id: 1, revision: 0 }).map(({ id }) => id);
    case 'completeApplication.id':
      return pick(() => world().inProgressApplications, { id: 1, revision: 0 }).map(({ id }) => id);
    case 'registerAccount.input.name':
      return fc.constantFrom('需要 太郎', '山田　花子', 'Taro Juyo');
  }
  switch (name) {
    case 'userId':
      return fc.stringMatching(/^fz[a-z0-9._-]{4,18}$/);
    case 'password':
      return fc.uuid().map((uuid) => `Fuzz-${uuid}`);
    case 'email':
      return fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}[a-z0-9]@example\.jp$/);
    case 'name':
    case 'contactName':
      return fc.constantFrom('東京電機工業株式会社', '山田　太郎', 'テスト　花子', 'ﾃｽﾄ');
    case 'company':
      return fc.constantFrom('エネルギー管理サービス株式会社', '株式会社テスト');
    case 'department':
      return fc.constantFrom('総務部', '技術部', '');
    case 'phone':
    case 'phone1':
    case 'phone2':
    case 'fax':
      return phone;
    case 'pointId':
      return pointId;
    case 'meterId':
      return fc.stringMatching(/^[A-Z][0-9]{6}$/);
    case 'meterNumber':
      return digits(6);
    case 'inputFormatName':
      return fc.constantFrom('F形', 'A-1', 'ｆ');
    case 'desiredStartDate':
      return fc.integer({ min: 10, max: 90 }).map(japanDayPlus);
    // In order, so a range is valid unless a hostile value makes it not.
    case 'registeredFrom':
      return fc.integer({ min: -30, max: 0 }).map(japanDayPlus);
    case 'registeredTo':
      return fc.integer({ min: 0, max: 30 }).map(japanDayPlus);
    case 'customerName':
      return fc.constantFrom('東京', 'とうきょう', 'ﾄｳｷｮｳ', 'カブシキ', '株式会社');
    case 'applicationId':
      return fc.integer({ min: 1, max: 50 });
    case 'expectedRevision':
      return fc.integer({ min: 0, max: 4 });
    case 'offset':
      return fc.integer({ min: 0, max: 30 });
    case 'limit':
      return fc.integer({ min: 1, max: 100 });
  }
  return undefined;
}

/** Hostile values for a leaf of the given named type. */
function hostileLeaf(typeName: string): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'Int':
      return hostileInteger;
    case 'Date':
      return hostileDate;
    case 'Boolean':
      return fc.constantFrom<unknown>('true', 1, 0, 'false');
    case 'DateTime':
      return fc.constantFrom('2026-02-30T00:00:00Z', 'now', '2026-04-01T24:00:00+09:00');
    default:
      return hostileString;
  }
}

/**
 * How hostile one request is: at 1 about one field in a submission is hostile (the others are
 * plausible, so it reaches the code behind the checks); at 8 most are, with nulls, missing fields
 * and wrong JSON types among them.
 */
export type Hostility = 1 | 8;

/**
 * A value for one input position: plausible, hostile, tainted (plausible with a hostile piece
 * inside), absent, null or of the wrong JSON type, as `hostility` weighs them. Input objects
 * recurse field by field.
 */
function inputValue(
  type: GraphQLInputType,
  path: string,
  world: () => FuzzWorld,
  hostility: Hostility,
): fc.Arbitrary<unknown> {
  const h = hostility;
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 300, arbitrary: inputValue(type.ofType, path, world, h) },
      { weight: h, arbitrary: fc.constant(null) },
    );
  }
  const maybeNull = (arbitrary: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 100, arbitrary },
      { weight: h, arbitrary: fc.constant(null) },
      { weight: h, arbitrary: wrongJsonType },
    );
  if (isListType(type)) {
    const item = inputValue(type.ofType, `${path}.0`, world, h);
    return maybeNull(
      fc.oneof(
        { weight: 80, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) },
        { weight: h, arbitrary: fc.constant([]) },
        { weight: h, arbitrary: fc.array(item, { minLength: 20, maxLength: 60 }) },
      ),
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => {
      const value = inputValue(field.type, `${path}.${field.name}`, world, h);
      const optional = !isNonNullType(field.type);
      // A required field is now and then left out altogether, an optional one often.
      return fc
        .tuple(fc.constant(field.name), value, fc.nat(optional ? 3 : Math.ceil(400 / h)))
        .map(([name, v, roll]) => (roll === 0 ? null : ([name, v] as const)));
    });
    return maybeNull(
      fc
        .tuple(
          fc.tuple(...fields),
          // A field the contract does not have: rare, since it refuses the whole request.
          fc.oneof(
            { weight: 200, arbitrary: fc.constant(null) },
            { weight: h, arbitrary: fc.tuple(hostileString, hostileString) },
          ),
        )
        .map(([entries, extra]) => {
          const object: Record<string, unknown> = {};
          for (const entry of entries) if (entry) object[entry[0]] = entry[1];
          if (extra) object[extra[0]] = extra[1];
          return object;
        }),
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((value) => value.name);
    return maybeNull(
      fc.oneof(
        { weight: 100, arbitrary: fc.constantFrom(...names) },
        {
          weight: 4 * h,
          arbitrary: fc
            .constantFrom(...names)
            .chain((name) =>
              fc.constantFrom(name.toLowerCase(), `${name}\u0000`, ` ${name}`, 'ＮＥＷ', ''),
            ),
        },
      ),
    );
  }
  if (isScalarType(type)) {
    const known = plausible(path, world);
    const hostile = hostileLeaf(type.name);
    if (!known) return maybeNull(hostile);
    const choices: fc.WeightedArbitrary<unknown>[] = [
      { weight: 100, arbitrary: known },
      { weight: 4 * h, arbitrary: hostile },
    ];
    if (type.name === 'String' || type.name === 'ID') {
      choices.push({ weight: 4 * h, arbitrary: tainted(known as fc.Arbitrary<string>) });
    }
    return maybeNull(fc.oneof(...choices));
  }
  throw new Error(`no arbitrary for the input type at ${path}`);
}

/** Every scalar and enum field of the result, one level into its objects and lists. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  if (depth > 2) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((field) => field.args.every((argument) => !isNonNullType(argument.type)))
    .map((field) => `${field.name} ${selectionOf(field.type, depth + 1)}`.trim());
  return `{ ${fields.join(' ')} }`;
}

export type Caller = 'owner' | 'operator' | 'anonymous' | 'forged';

/** One request of a fuzz case: the operation, its variables, and who sends it. */
export interface OperationCase {
  readonly field: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly caller: Caller;
}

function operationField(name: string): {
  field: GraphQLField<unknown, unknown>;
  operation: 'mutation' | 'query';
} {
  const mutation = CONTRACT.getMutationType()?.getFields()[name];
  if (mutation) return { field: mutation, operation: 'mutation' };
  const query = CONTRACT.getQueryType()?.getFields()[name];
  if (query) return { field: query, operation: 'query' };
  throw new Error(`the contract has no operation ${name}`);
}

/**
 * Requests for one of the contract's operations, built from its argument types: the document
 * declares each argument as a variable of the contract's type, as a client generated from the
 * contract would, and the variables carry the hostile values.
 */
export function operationCases(
  name: string,
  usualCaller: Caller,
  world: () => FuzzWorld,
): fc.Arbitrary<OperationCase> {
  const { field, operation } = operationField(name);
  const declarations = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`);
  const argumentList = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  const query = `${operation} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} {
  ${name}${argumentList.length ? `(${argumentList.join(', ')})` : ''} ${selectionOf(field.type)}
}`;
  const variablesAt = (hostility: Hostility) =>
    fc
      .tuple(
        ...field.args.map((argument) =>
          fc
            .tuple(
              fc.constant(argument.name),
              inputValue(argument.type, `${name}.${argument.name}`, world, hostility),
              fc.nat(Math.ceil(240 / hostility)),
            )
            .map(([argumentName, value, roll]) =>
              roll === 0 ? null : ([argumentName, value] as const),
            ),
        ),
      )
      .map((entries) => {
        const object: Record<string, unknown> = {};
        for (const entry of entries) if (entry) object[entry[0]] = entry[1];
        return object;
      });
  const variables = fc.oneof(
    { weight: 2, arbitrary: variablesAt(1) },
    { weight: 1, arbitrary: variablesAt(8) },
  );
  const caller = fc.oneof(
    { weight: 20, arbitrary: fc.constant(usualCaller) },
    { weight: 1, arbitrary: fc.constantFrom<Caller>('owner', 'operator', 'anonymous', 'forged') },
  );
  return fc.record({ field: fc.constant(name), query: fc.constant(query), variables, caller });
}
