import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { ApplicationKind, MeteringPointInput } from './gql/graphql';
import { addDays, DATE_LABELS, formatDate, parseDay } from './labels';
import { Field } from './ui';

export interface PointValues {
  pointId: string;
  plateOnly: boolean;
  meterId: string;
  meterNumber: string;
  inputFormatName: string;
}

export interface ApplicationValues {
  kind: ApplicationKind;
  consentConfirmed: boolean;
  customer: { name: string; department: string; contactName: string; phone: string };
  applicant: {
    company: string;
    department: string;
    name: string;
    phone1: string;
    phone2: string;
    email: string;
    fax: string;
  };
  meteringPoints: PointValues[];
  desiredStartDate: string;
}

export const EMPTY_POINT: PointValues = {
  pointId: '',
  plateOnly: false,
  meterId: '',
  meterNumber: '',
  inputFormatName: '',
};

/** The label of every field, by its form name (for the error summary). */
export function applicationLabel(name: string, kind: ApplicationKind = 'NEW'): string {
  const point = /^meteringPoints\.(\d+)\.(\w+)$/.exec(name);
  if (point) {
    const row = `計量地点${Number(point[1]) + 1}の`;
    const labels: Record<string, string> = {
      pointId: '供給地点特定番号／受電地点特定番号',
      meterId: '計器ID',
      meterNumber: '計量器の No.',
      inputFormatName: '入力形式名',
    };
    return row + (labels[point[2] ?? ''] ?? '入力内容');
  }
  const labels: Record<string, string> = {
    kind: 'お申込み区分',
    consentConfirmed: '利用規約への同意',
    'customer.name': 'お客さま名',
    'customer.department': 'お客さま担当者所属部署名',
    'customer.contactName': 'お客さま担当者名',
    'customer.phone': 'お客さま電話番号',
    'applicant.company': '申込者所属企業名',
    'applicant.department': '申込者所属部署名',
    'applicant.name': '申込者氏名',
    'applicant.phone1': '電話番号1',
    'applicant.phone2': '電話番号2',
    'applicant.email': 'E-mail',
    'applicant.fax': 'FAX',
    meteringPoints: '計量地点',
    desiredStartDate: DATE_LABELS[kind],
  };
  return labels[name] ?? '入力内容';
}

export function isApplicationField(name: string): boolean {
  return applicationLabel(name) !== '入力内容';
}

/** The meter ID a 6-digit plate gives (APP-6): the format name's initial and the No. */
export function meterIdOf(point: PointValues): string {
  if (!point.plateOnly) return point.meterId.trim();
  const initial = point.inputFormatName.trim().charAt(0).toUpperCase();
  return `${initial}${point.meterNumber.trim()}`;
}

export function pointKindOf(pointId: string): string | null {
  const digits = pointId
    .replace(/[-\s－ー]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (digits.startsWith('031011')) return '供給地点（需要側）';
  if (digits.startsWith('031012')) return '受電地点（発電側）';
  return null;
}

export function toPointInput(point: PointValues): MeteringPointInput {
  return point.plateOnly
    ? {
        pointId: point.pointId,
        meterNumber: point.meterNumber,
        inputFormatName: point.inputFormatName,
      }
    : { pointId: point.pointId, meterId: point.meterId };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

export function toContactInput(values: ApplicationValues) {
  return {
    customer: { ...values.customer },
    applicant: {
      ...values.applicant,
      phone2: blankToNull(values.applicant.phone2),
      fax: blankToNull(values.applicant.fax),
    },
  };
}

interface Props {
  form: UseFormReturn<ApplicationValues>;
  kind: ApplicationKind;
  today: string | undefined;
}

/** 「1. お客さまについて」, the applicant's contact, the metering points and the desired day. */
export function ApplicationFields({ form, kind, today }: Props) {
  const {
    register,
    watch,
    control,
    formState: { errors },
  } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'meteringPoints' });
  const points = watch('meteringPoints');
  const earliest = today ? addDays(today, 14) : undefined;
  const text = (name: Parameters<typeof register>[0], label: string, required = true) =>
    register(
      name,
      required
        ? {
            validate: (v) =>
              (typeof v === 'string' && v.trim() !== '') || `${label}を入力してください。`,
          }
        : {},
    );

  return (
    <>
      <fieldset>
        <legend>1. お客さまについてお伺いいたします。</legend>
        <h2 className="section-title">お客さま情報</h2>
        <Field
          name="customer.name"
          label="お客さま名"
          hint="(全角)"
          required
          error={errors.customer?.name?.message}
          help={
            <p>
              特殊文字（①、㈱、㍻ など）のご使用はご遠慮ください。例：東京電力パワーグリッド株式会社
            </p>
          }
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="wide"
              {...text('customer.name', 'お客さま名')}
            />
          )}
        </Field>
        <Field
          name="customer.department"
          label="お客さま担当者所属部署名"
          hint="(全角)"
          required
          error={errors.customer?.department?.message}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="wide"
              {...text('customer.department', 'お客さま担当者所属部署名')}
            />
          )}
        </Field>
        <Field
          name="customer.contactName"
          label="お客さま担当者名"
          hint="(全角)"
          required
          error={errors.customer?.contactName?.message}
        >
          {(props) => (
            <input {...props} type="text" {...text('customer.contactName', 'お客さま担当者名')} />
          )}
        </Field>
        <Field
          name="customer.phone"
          label="お客さま電話番号"
          hint="(半角数字)"
          required
          error={errors.customer?.phone?.message}
          help={
            <p>
              例：090-9999-9999（ハイフンなしでも入力いただけます）。後日、当社受け持ち事業所担当者より申込み内容の確認のため、ご連絡させていただくことがあります。
            </p>
          }
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              inputMode="tel"
              {...text('customer.phone', 'お客さま電話番号')}
            />
          )}
        </Field>

        <h2 className="section-title">申込者のご連絡先情報</h2>
        <p className="help">
          後日、当社受け持ち事業所担当者より訪問日時・作業内容についてご連絡させていただく連絡先を入力ください。
        </p>
        <Field
          name="applicant.company"
          label="申込者所属企業名"
          hint="(全角)"
          required
          error={errors.applicant?.company?.message}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="wide"
              {...text('applicant.company', '申込者所属企業名')}
            />
          )}
        </Field>
        <Field
          name="applicant.department"
          label="申込者所属部署名"
          hint="(全角)"
          required
          error={errors.applicant?.department?.message}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="wide"
              {...text('applicant.department', '申込者所属部署名')}
            />
          )}
        </Field>
        <Field
          name="applicant.name"
          label="申込者氏名"
          hint="(全角)"
          required
          error={errors.applicant?.name?.message}
        >
          {(props) => <input {...props} type="text" {...text('applicant.name', '申込者氏名')} />}
        </Field>
        <Field
          name="applicant.phone1"
          label="電話番号1"
          hint="(半角数字)"
          required
          error={errors.applicant?.phone1?.message}
          help={<p>例：000-0000-0000</p>}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              inputMode="tel"
              {...text('applicant.phone1', '電話番号1')}
            />
          )}
        </Field>
        <Field
          name="applicant.phone2"
          label="電話番号2"
          hint="(半角数字)"
          error={errors.applicant?.phone2?.message}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              inputMode="tel"
              {...text('applicant.phone2', '電話番号2', false)}
            />
          )}
        </Field>
        <Field
          name="applicant.email"
          label="E-mail"
          hint="(半角英数字・記号)"
          required
          error={errors.applicant?.email?.message}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              className="wide"
              {...text('applicant.email', 'E-mail')}
            />
          )}
        </Field>
        <Field
          name="applicant.fax"
          label="FAX"
          hint="(半角数字)"
          error={errors.applicant?.fax?.message}
        >
          {(props) => (
            <input {...props} type="tel" inputMode="tel" {...text('applicant.fax', 'FAX', false)} />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>2. 計量地点についてお伺いいたします。</legend>
        {errors.meteringPoints?.root?.message && (
          <p className="error-message">{errors.meteringPoints.root.message}</p>
        )}
        {fields.map((row, index) => {
          const point = points[index] ?? EMPTY_POINT;
          const pointErrors = errors.meteringPoints?.[index];
          const kindOfPoint = pointKindOf(point.pointId);
          return (
            <div
              className="point-row"
              key={row.id}
              role="group"
              aria-labelledby={`point-${index}-title`}
            >
              <h2 id={`point-${index}-title`} className="section-title">
                計量地点{index + 1}
                {kindOfPoint && <span className="tag">{kindOfPoint}</span>}
              </h2>
              <Field
                name={`meteringPoints.${index}.pointId`}
                label="供給地点特定番号／受電地点特定番号"
                hint="(半角数字22桁)"
                required
                error={pointErrors?.pointId?.message}
                help={
                  <details>
                    <summary>番号の確認方法</summary>
                    <p>
                      ご契約されている小売電気事業者等へご確認ください。供給地点特定番号は「03-1011」から、受電地点特定番号（発電側）は「03-1012」から始まる22桁の番号です。
                    </p>
                    <p>
                      新設などで番号が発行されていない場合は、「03-1011」または「03-1012」の後の16桁をすべて「0」で入力してください（例：0310110000000000000000）。
                    </p>
                  </details>
                }
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    className="wide"
                    {...text(
                      `meteringPoints.${index}.pointId`,
                      '供給地点特定番号／受電地点特定番号',
                    )}
                  />
                )}
              </Field>
              <div className="checkbox">
                <input
                  id={`f-meteringPoints-${index}-plateOnly`}
                  type="checkbox"
                  {...register(`meteringPoints.${index}.plateOnly`)}
                />
                <label htmlFor={`f-meteringPoints-${index}-plateOnly`}>
                  計量器に記載されている No. が6桁の場合
                </label>
              </div>
              {point.plateOnly ? (
                <div className="inline-fields">
                  <Field
                    name={`meteringPoints.${index}.meterNumber`}
                    label="計量器の No."
                    hint="(半角数字6桁)"
                    required
                    error={pointErrors?.meterNumber?.message}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="text"
                        inputMode="numeric"
                        className="short"
                        {...text(`meteringPoints.${index}.meterNumber`, '計量器の No.')}
                      />
                    )}
                  </Field>
                  <Field
                    name={`meteringPoints.${index}.inputFormatName`}
                    label="入力形式名"
                    hint="(半角英字)"
                    required
                    error={pointErrors?.inputFormatName?.message}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="text"
                        className="short"
                        {...text(`meteringPoints.${index}.inputFormatName`, '入力形式名')}
                      />
                    )}
                  </Field>
                  <p className="derived" aria-live="polite">
                    計器ID：
                    <strong>
                      {meterIdOf(point).length === 7
                        ? meterIdOf(point)
                        : '（No. と入力形式名から表示します）'}
                    </strong>
                  </p>
                </div>
              ) : (
                <Field
                  name={`meteringPoints.${index}.meterId`}
                  label="計器ID"
                  hint="(大文字英字1文字＋半角数字6桁)"
                  required
                  error={pointErrors?.meterId?.message}
                  help={
                    <p>
                      計量器に記載されている、大文字アルファベットから始まる7桁の番号です（例：F146832）。
                    </p>
                  }
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      className="short"
                      {...text(`meteringPoints.${index}.meterId`, '計器ID')}
                    />
                  )}
                </Field>
              )}
              {fields.length > 1 && (
                <button type="button" className="button-secondary" onClick={() => remove(index)}>
                  計量地点{index + 1}を削除
                </button>
              )}
            </div>
          );
        })}
        <button
          type="button"
          id="add-point"
          className="button-secondary"
          onClick={() => append({ ...EMPTY_POINT })}
        >
          計量地点を追加
        </button>
      </fieldset>

      <fieldset>
        <legend>3. {DATE_LABELS[kind]}をお伺いいたします。</legend>
        <Field
          name="desiredStartDate"
          label={DATE_LABELS[kind]}
          hint="(例：2026/04/02)"
          required
          error={errors.desiredStartDate?.message}
          help={
            <p>
              手続きに必要な日数を考慮し、申込日から2週間（14日）以上後の日付をご指定ください。
              {earliest && (
                <strong>
                  本日のお申込みでは {formatDate(earliest)} 以降をご指定いただけます。
                </strong>
              )}
              年末年始等の連休を挟む場合、ご希望の時期に間に合わない可能性がございます。
            </p>
          }
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              className="short"
              {...register('desiredStartDate', {
                validate: (value) =>
                  parseDay(value) !== null ||
                  `${DATE_LABELS[kind]}は「2026/04/02」の形式で入力してください。`,
              })}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
