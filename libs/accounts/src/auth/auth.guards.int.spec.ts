import type { INestApplication } from '@nestjs/common';
import { UseGuards } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Field, GraphQLModule, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { DomainError } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import request from 'supertest';
import type { AccountEvent } from '../domain/account.event';
import { evolve } from '../domain/account.evolve';
import { initialState, type Active } from '../domain/account.state';
import type { AccountRole } from '../domain/account.event';
import {
  CLIENT,
  activeAccount,
  hoursAfter,
  minutesAfter,
  passwordReset,
  sealedSecret,
  T0,
} from '../testing/account-mother';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { SessionService, type SessionAccount } from '../sessions/session.service';
import {
  AllowBeforeMfaEnrolment,
  AllowWhilePasswordChangeRequired,
  Roles,
} from './auth.decorators';
import { CurrentAccount } from './current-account.decorator';
import { GqlAuthGuard } from './gql-auth.guard';
import { RolesGuard } from './roles.guard';
import { SESSION_CLOCK } from './session-clock';

@ObjectType()
class Probe {
  @Field(() => String)
  accountId!: string;
}

@Resolver(() => Probe)
@UseGuards(GqlAuthGuard, RolesGuard)
class ProbeResolver {
  @Query(() => Probe)
  probe(@CurrentAccount() account: SessionAccount): Probe {
    return { accountId: account.accountId };
  }

  @Query(() => String)
  @AllowWhilePasswordChangeRequired()
  @AllowBeforeMfaEnrolment()
  me(@CurrentAccount() account: SessionAccount): string {
    return account.role;
  }

  @Query(() => String)
  @Roles('OPERATOR', 'AUDITOR')
  staffOnly(): string {
    return 'staff';
  }

  @ResolveField(() => String)
  @Roles('OPERATOR')
  operatorNote(): string {
    return 'note';
  }
}

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function active(
  role: AccountRole,
  history: AccountEvent[] = activeAccount(),
  enrolled = true,
): Active {
  const state = history.reduce(evolve, initialState);
  if (state.status !== 'Active') throw new Error(`expected Active, got ${state.status}`);
  // Staff stand for enrolled staff (ACC-9) unless the spec says otherwise.
  const factor = { secret: sealedSecret, lastTimeStep: 0, unusedRecoveryCodeHashes: [] };
  return { ...state, role, secondFactor: role !== 'CUSTOMER' && enrolled ? factor : null };
}

for (const target of testDatabaseTargets()) {
  describe(`GqlAuthGuard and RolesGuard over HTTP on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let app: INestApplication;
    let now: Date;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      const moduleRef = await Test.createTestingModule({
        imports: [
          GraphQLModule.forRoot<ApolloDriverConfig>({
            driver: ApolloDriver,
            autoSchemaFile: true,
            fieldResolverEnhancers: ['guards'],
            context: ({ req }: { req: unknown }) => ({ req }),
            formatError: (formatted, error) => {
              const cause = error instanceof Error ? error.cause : undefined;
              const original =
                (error as { originalError?: unknown }).originalError ?? cause ?? error;
              return original instanceof DomainError
                ? { message: original.message, extensions: { code: original.code } }
                : formatted;
            },
          }),
        ],
        providers: [
          ProbeResolver,
          { provide: SessionService, useValue: bed.sessions },
          { provide: SESSION_CLOCK, useValue: () => now },
        ],
      }).compile();
      app = moduleRef.createNestApplication({ logger: false });
      await app.init();
    });
    afterAll(async () => {
      await app.close();
      await bed.dispose();
    });
    beforeEach(() => {
      now = minutesAfter(T0, 1);
    });

    async function ask(query: string, token?: string): Promise<GraphqlAnswer> {
      const call = request(app.getHttpServer()).post('/graphql').send({ query });
      const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call);
      return response.body as GraphqlAnswer;
    }

    function codeOf(answer: GraphqlAnswer): string | undefined {
      return answer.errors?.[0]?.extensions?.code;
    }

    async function signIn(account: Active): Promise<string> {
      return (await bed.sessions.issue(account, T0, CLIENT)).accessToken;
    }

    it('anonymous and garbage tokens are UNAUTHENTICATED, with a Japanese message', async () => {
      const anonymous = await ask('{ me }');
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.errors?.[0]?.message).toMatch(/ログイン/);
      expect(codeOf(await ask('{ me }', 'not-a-token'))).toBe('UNAUTHENTICATED');
    });

    it('a signed-in customer runs an open operation', async () => {
      const token = await signIn(active('CUSTOMER'));
      expect(await ask('{ me }', token)).toEqual({ data: { me: 'CUSTOMER' } });
    });

    it('an expired or revoked session is UNAUTHENTICATED', async () => {
      const token = await signIn(active('CUSTOMER'));
      now = hoursAfter(T0, 1);
      expect(codeOf(await ask('{ me }', token))).toBe('UNAUTHENTICATED');

      now = minutesAfter(T0, 1);
      const other = await signIn(active('CUSTOMER'));
      await bed.sessions.revoke(other, now);
      expect(codeOf(await ask('{ me }', other))).toBe('UNAUTHENTICATED');
    });

    it('a CUSTOMER on a staff operation is FORBIDDEN; an OPERATOR and an AUDITOR pass', async () => {
      expect(codeOf(await ask('{ staffOnly }', await signIn(active('CUSTOMER'))))).toBe(
        'FORBIDDEN',
      );
      for (const role of ['OPERATOR', 'AUDITOR'] as const) {
        expect(await ask('{ staffOnly }', await signIn(active(role)))).toEqual({
          data: { staffOnly: 'staff' },
        });
      }
    });

    it('field resolvers are guarded too: a CUSTOMER may not read an OPERATOR field', async () => {
      const customer = await signIn(active('CUSTOMER'));
      expect(await ask('{ probe { accountId } }', customer)).toMatchObject({
        data: { probe: { accountId: expect.any(String) } },
      });
      expect(codeOf(await ask('{ probe { operatorNote } }', customer))).toBe('FORBIDDEN');
      expect(await ask('{ probe { operatorNote } }', await signIn(active('OPERATOR')))).toEqual({
        data: { probe: { operatorNote: 'note' } },
      });
    });

    it('ACC-9: a staff session without a second factor gets MFA_REQUIRED except where allowed', async () => {
      for (const role of ['OPERATOR', 'AUDITOR'] as const) {
        const token = await signIn(active(role, activeAccount(), false));
        expect(codeOf(await ask('{ staffOnly }', token))).toBe('MFA_REQUIRED');
        expect(codeOf(await ask('{ probe { accountId } }', token))).toBe('MFA_REQUIRED');
        expect(await ask('{ me }', token)).toEqual({ data: { me: role } });
      }
    });

    it('ACC-5: an initial-password session gets PASSWORD_CHANGE_REQUIRED except where allowed', async () => {
      const token = await signIn(
        active('CUSTOMER', [...activeAccount(), passwordReset(minutesAfter(T0, 0))]),
      );
      expect(codeOf(await ask('{ probe { accountId } }', token))).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(codeOf(await ask('{ staffOnly }', token))).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(await ask('{ me }', token)).toEqual({ data: { me: 'CUSTOMER' } });
    });
  });
}
