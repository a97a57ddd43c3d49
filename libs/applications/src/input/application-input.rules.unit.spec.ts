import { holidayJpCalendar } from '../calendar/holiday-jp-calendar.adapter';
import type { ApplicationError } from '../domain/application-error';
import type { SubmissionInput } from './application-input';
import {
  checkChanges,
  checkSubmission,
  MAX_METERING_POINTS,
  type InputCheck,
  type ValidSubmission,
} from './application-input.rules';

/** 2026-04-01 10:00 in Japan. */
const NOW = new Date('2026-04-01T01:00:00Z');

function input(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    kind: 'NEW',
    customer: {
      name: '東京電機工業株式会社',
      department: '総務部',
      contactName: '山田　太郎',
      phone: '03-1234-5678',
    },
    applicant: {
      company: 'エネルギー管理サービス株式会社',
      department: '技術部',
      name: '田中　花子',
      phone1: '090-1234-5678',
      phone2: null,
      email: 'hanako.tanaka@example.co.jp',
      fax: '',
    },
    meteringPoints: [{ pointId: '03-1011-1234-5678-9012-3456', meterId: 'F146832' }],
    desiredStartDate: '2026-04-15',
    consentConfirmed: true,
    ...overrides,
  };
}

function accepted(check: InputCheck<ValidSubmission>): ValidSubmission {
  if (!check.ok) throw new Error(`expected acceptance: ${JSON.stringify(check.error)}`);
  return check.value;
}

function refusal<T>(check: InputCheck<T>): ApplicationError {
  if (check.ok) throw new Error('expected a refusal');
  for (const field of check.error.fields) expect(field.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
  return check.error;
}

const RECEIVED_FOR_APRIL_15 = {
  kind: 'NEW',
  status: 'RECEIVED',
  desiredStartDate: '2026-04-15',
} as const;

const fieldsOf = (error: ApplicationError) =>
  error.fields.map(({ field, code }) => `${field} ${code}`);

describe('submission input', () => {
  it('APP-3: a well-filled submission is accepted; empty optional fields become null', () => {
    expect(accepted(checkSubmission(input(), NOW, holidayJpCalendar))).toEqual({
      kind: 'NEW',
      customer: input().customer,
      applicant: { ...input().applicant, phone2: null, fax: null },
      meteringPoints: [
        { kind: 'SUPPLY', pointId: '0310111234567890123456', unissued: false, meterId: 'F146832' },
      ],
      desiredStartDate: '2026-04-15',
      warnings: [],
    });
  });

  it('APP-3: every refused field is named by its path, in input order', () => {
    const error = refusal(
      checkSubmission(
        input({
          customer: { ...input().customer, name: 'Tokyo', phone: '' },
          applicant: { ...input().applicant, name: '', email: 'a..b@example.jp' },
          meteringPoints: [{ pointId: '123', meterId: 'X1' }],
          consentConfirmed: false,
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(error)).toEqual([
      'customer.name NOT_FULL_WIDTH',
      'customer.phone REQUIRED',
      'applicant.name REQUIRED',
      'applicant.email EMAIL_CONSECUTIVE_DOTS',
      'meteringPoints[0].pointId INVALID_POINT_ID_LENGTH',
      'meteringPoints[0].meterId INVALID_METER_ID',
      'consentConfirmed CONSENT_REQUIRED',
    ]);
  });

  it('APP-4: ① and ㈱ are refused as typed, not normalised away first', () => {
    const error = refusal(
      checkSubmission(
        input({
          customer: { ...input().customer, name: '㈱東京電機' },
          applicant: { ...input().applicant, department: '第①技術部' },
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual([
      'customer.name MACHINE_DEPENDENT_CHARACTER',
      'applicant.department MACHINE_DEPENDENT_CHARACTER',
    ]);
    expect(error.fields[0]?.message).toContain('「㈱」');
  });

  it('APP-5: hyphens and full-width digits are normalised; an all-zero serial is unissued', () => {
    const valid = accepted(
      checkSubmission(
        input({
          meteringPoints: [
            {
              pointId: '０３－１０１１－１２３４－５６７８－９０１２－３４５６',
              meterId: 'F146832',
            },
            { pointId: '03-1012-0000-0000-0000-0000', meterId: 'G000001' },
          ],
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(valid.meteringPoints).toEqual([
      { kind: 'SUPPLY', pointId: '0310111234567890123456', unissued: false, meterId: 'F146832' },
      { kind: 'RECEPTION', pointId: '0310120000000000000000', unissued: true, meterId: 'G000001' },
    ]);
  });

  it('APP-5: the second point of an application is refused at meteringPoints[1].pointId', () => {
    const error = refusal(
      checkSubmission(
        input({
          meteringPoints: [
            { pointId: '0310111234567890123456', meterId: 'F146832' },
            { pointId: '04-1011-1234-5678-9012-3456', meterId: 'F146833' },
          ],
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual(['meteringPoints[1].pointId UNKNOWN_POINT_ID_PREFIX']);
  });

  it('APP-5: the same point twice, no point at all, or too many points are refused', () => {
    const point = { pointId: '0310111234567890123456', meterId: 'F146832' };
    expect(
      fieldsOf(
        refusal(checkSubmission(input({ meteringPoints: [point, point] }), NOW, holidayJpCalendar)),
      ),
    ).toEqual(['meteringPoints[1].pointId DUPLICATE_POINT_ID']);
    expect(
      fieldsOf(refusal(checkSubmission(input({ meteringPoints: [] }), NOW, holidayJpCalendar))),
    ).toEqual(['meteringPoints REQUIRED']);
    const many = Array.from({ length: MAX_METERING_POINTS + 1 }, () => point);
    expect(
      fieldsOf(refusal(checkSubmission(input({ meteringPoints: many }), NOW, holidayJpCalendar))),
    ).toEqual(['meteringPoints TOO_MANY']);
  });

  it('APP-5: an unissued point ID is for NEW applications only', () => {
    const error = refusal(
      checkSubmission(
        input({
          kind: 'TERMINATION',
          meteringPoints: [{ pointId: '0310110000000000000000', meterId: 'F146832' }],
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual(['meteringPoints[0].pointId UNISSUED_POINT_ID_NOT_ALLOWED']);
  });

  it('APP-6: No. 146832 with input format name F… gives the meter ID F146832', () => {
    const valid = accepted(
      checkSubmission(
        input({
          meteringPoints: [
            { pointId: '0310111234567890123456', meterNumber: '146832', inputFormatName: 'F3HS-T' },
          ],
        }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(valid.meteringPoints[0]?.meterId).toBe('F146832');
  });

  it('APP-6: a No. without an input format name is refused at its own field', () => {
    const error = refusal(
      checkSubmission(
        input({ meteringPoints: [{ pointId: '0310111234567890123456', meterNumber: '146832' }] }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual([
      'meteringPoints[0].inputFormatName INPUT_FORMAT_NAME_REQUIRED',
    ]);
  });

  it('ACC-3: the applicant e-mail follows the account e-mail rule', () => {
    const error = refusal(
      checkSubmission(
        input({ applicant: { ...input().applicant, email: 'hanako.@example.jp' } }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual(['applicant.email EMAIL_DOT_BEFORE_AT']);
  });

  it('APP-7: a start date 13 days out is START_DATE_TOO_SOON, across a month end', () => {
    // Mar 25 in Japan (Mar 24, 16:00 UTC): Apr 7 is 13 days later, Apr 8 the first day allowed.
    const marchTwentyFifth = new Date('2026-03-24T16:00:00Z');
    const error = refusal(
      checkSubmission(
        input({ desiredStartDate: '2026-04-07' }),
        marchTwentyFifth,
        holidayJpCalendar,
      ),
    );
    expect(error.code).toBe('START_DATE_TOO_SOON');
    expect(error.message).toContain('2026/04/08以降');
    expect(fieldsOf(error)).toEqual(['desiredStartDate START_DATE_TOO_SOON']);
    expect(
      checkSubmission(
        input({ desiredStartDate: '2026-04-08' }),
        marchTwentyFifth,
        holidayJpCalendar,
      ).ok,
    ).toBe(true);
  });

  it('APP-7: other field problems come first, as BAD_USER_INPUT', () => {
    const error = refusal(
      checkSubmission(
        input({ desiredStartDate: '2026-04-02', consentConfirmed: false }),
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(error)).toEqual(['consentConfirmed CONSENT_REQUIRED']);
  });

  it('APP-7: a Dec 20 application for Jan 5 is accepted with the year-end warning', () => {
    const valid = accepted(
      checkSubmission(
        input({ desiredStartDate: '2027-01-05' }),
        new Date('2026-12-20T01:00:00Z'),
        holidayJpCalendar,
      ),
    );
    expect(valid.warnings).toEqual([
      expect.objectContaining({ code: 'YEAR_END_CLOSURE', from: '2026-12-29', to: '2027-01-03' }),
    ]);
  });

  it('APP-2: consent is required', () => {
    const error = refusal(
      checkSubmission(input({ consentConfirmed: false }), NOW, holidayJpCalendar),
    );
    expect(fieldsOf(error)).toEqual(['consentConfirmed CONSENT_REQUIRED']);
  });
});

describe('change input', () => {
  it('OPS-2: only the given sections are checked and returned', () => {
    const check = checkChanges(
      {
        applicant: null,
        meteringPoints: [{ pointId: '03-1011-1234-5678-9012-3456', meterId: 'f146832' }],
      },
      RECEIVED_FOR_APRIL_15,
      NOW,
      holidayJpCalendar,
    );
    expect(check).toEqual({
      ok: true,
      value: {
        meteringPoints: [
          {
            kind: 'SUPPLY',
            pointId: '0310111234567890123456',
            unissued: false,
            meterId: 'F146832',
          },
        ],
      },
    });
  });

  it('APP-7: a changed start date counts 14 days from the day of the change', () => {
    const error = refusal(
      checkChanges(
        { desiredStartDate: '2026-04-14' },
        RECEIVED_FOR_APRIL_15,
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(error.code).toBe('START_DATE_TOO_SOON');
    const check = checkChanges(
      { desiredStartDate: '2026-05-11' },
      RECEIVED_FOR_APRIL_15,
      NOW,
      holidayJpCalendar,
    );
    expect(check.ok && check.value.desiredStartDate?.warnings.map((w) => w.code)).toEqual([
      'CONSECUTIVE_HOLIDAYS',
    ]);
  });

  it('APP-4: a changed customer name is checked as typed', () => {
    const error = refusal(
      checkChanges(
        {
          customer: {
            name: 'Ⅻ商事',
            department: '総務部',
            contactName: '山田',
            phone: '0312345678',
          },
        },
        RECEIVED_FOR_APRIL_15,
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(fieldsOf(error)).toEqual(['customer.name MACHINE_DEPENDENT_CHARACTER']);
  });

  it('APP-7: resubmitting a RETURNED application checks its unchanged date against the day of the resubmission', () => {
    const returnedFor = (desiredStartDate: string) =>
      ({ kind: 'NEW', status: 'RETURNED', desiredStartDate }) as const;
    const error = refusal(
      checkChanges({ applicant: null }, returnedFor('2026-04-14'), NOW, holidayJpCalendar),
    );
    expect(error.code).toBe('START_DATE_TOO_SOON');
    expect(fieldsOf(error)).toEqual(['desiredStartDate START_DATE_TOO_SOON']);
    const check = checkChanges({}, returnedFor('2026-05-11'), NOW, holidayJpCalendar);
    expect(check.ok && check.value.warnings?.map((w) => w.code)).toEqual(['CONSECUTIVE_HOLIDAYS']);
    expect(check.ok && check.value.desiredStartDate).toBeUndefined();
  });

  it('APP-7: the date is named by its kind (廃止希望日 for a TERMINATION)', () => {
    const error = refusal(
      checkChanges(
        { desiredStartDate: '2026-04-02' },
        { kind: 'TERMINATION', status: 'RECEIVED', desiredStartDate: '2026-05-01' },
        NOW,
        holidayJpCalendar,
      ),
    );
    expect(error.message).toMatch(/^廃止希望日は、申込日（2026\/04\/01）から/u);
  });

  it('APP-3: phone and fax numbers are stored with plain hyphens', () => {
    const check = checkChanges(
      {
        applicant: {
          company: '会社',
          department: '部',
          name: '名前',
          phone1: '090ー9999ー9999',
          email: 'a@example.jp',
          fax: '03－1234－5678',
        },
      },
      RECEIVED_FOR_APRIL_15,
      NOW,
      holidayJpCalendar,
    );
    expect(check.ok && check.value.applicant).toMatchObject({
      phone1: '090-9999-9999',
      fax: '03-1234-5678',
    });
  });
});
