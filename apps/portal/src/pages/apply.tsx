import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  ApplicationFields,
  applicationLabel,
  EMPTY_POINT,
  isApplicationField,
  meterIdOf,
  pointKindOf,
  toContactInput,
  toPointInput,
  type ApplicationValues,
} from '../application-form';
import { refusalOf } from '../client';
import { graphql } from '../gql';
import type { ApplicationKind } from '../gql/graphql';
import { DATE_LABELS, formatDate, KIND_DESCRIPTIONS, KIND_LABELS, parseDay } from '../labels';
import {
  applyFieldProblems,
  ErrorSummary,
  Field,
  flattenErrors,
  Loading,
  Notice,
  PageTitle,
} from '../ui';

/** The terms by title and version (「…利用規約（2023/10/01版）」). */
function termsName(terms: { title: string; version: string }): string {
  const version = /^\d{4}-\d{2}-\d{2}$/.test(terms.version)
    ? terms.version.replaceAll('-', '/')
    : terms.version;
  return `${terms.title}（${version}版）`;
}

const ApplyContextQuery = graphql(`
  query ApplyContext {
    today
    termsOfService {
      title
      version
      url
    }
  }
`);

const SubmitMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      id
      warnings
    }
  }
`);

const CONSENT = '上記の利用規約について、需要者本人の同意のうえ、高圧Bルートサービスを申込みます。';

type Step = 'form' | 'confirm' | 'done';

export default function ApplyPage() {
  const [{ data: context }, reloadContext] = useQuery({ query: ApplyContextQuery });
  const today = context?.today;
  const terms = context?.termsOfService;
  const [, submit] = useMutation(SubmitMutation);
  const [step, setStep] = useState<Step>('form');
  const [message, setMessage] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ id: number; warnings: string[] } | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const form = useForm<ApplicationValues>({
    shouldFocusError: false,
    defaultValues: {
      kind: 'NEW',
      consentConfirmed: false,
      customer: { name: '', department: '', contactName: '', phone: '' },
      applicant: {
        company: '',
        department: '',
        name: '',
        phone1: '',
        phone2: '',
        email: '',
        fax: '',
      },
      meteringPoints: [{ ...EMPTY_POINT }],
      desiredStartDate: '',
    },
  });
  const { register, handleSubmit, watch, setError, setValue, getValues, formState } = form;
  const kind = watch('kind');

  useEffect(() => {
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [step]);

  async function toConfirm(values: ApplicationValues) {
    setMessage(null);
    const { startDateWarnings } = await import('../start-date-warnings');
    setWarnings(today ? startDateWarnings(today, parseDay(values.desiredStartDate) ?? '') : []);
    setStep('confirm');
  }

  async function send() {
    const values = getValues();
    setMessage(null);
    const result = await submit({
      input: {
        kind: values.kind,
        consentConfirmed: values.consentConfirmed,
        ...toContactInput(values),
        meteringPoints: values.meteringPoints.map(toPointInput),
        desiredStartDate: parseDay(values.desiredStartDate) ?? values.desiredStartDate,
        // APP-2: the version the customer read; the API refuses it once the terms have changed.
        termsVersion: terms?.version ?? null,
      },
    });
    const submitted = result.data?.submitApplication;
    if (submitted) {
      setAnswer(submitted);
      setStep('done');
      return;
    }
    const refusal = refusalOf(result.error);
    const problems = (refusal?.fields ?? []).map((problem) =>
      // A refused desired day without a field (START_DATE_TOO_SOON) belongs to the date; the
      // terms that changed since the page was opened ask for the consent again.
      problem.field === ''
        ? { ...problem, field: 'desiredStartDate' }
        : problem.field === 'termsVersion'
          ? { ...problem, field: 'consentConfirmed' }
          : problem,
    );
    if (problems.some((problem) => problem.field === 'consentConfirmed')) {
      setValue('consentConfirmed', false);
      reloadContext({ requestPolicy: 'network-only' });
    }
    if (refusal?.code === 'START_DATE_TOO_SOON' && problems.length === 0) {
      problems.push({ field: 'desiredStartDate', message: refusal.message });
    }
    const rest = applyFieldProblems(problems, setError, isApplicationField);
    setMessage(rest.length > 0 || problems.length === 0 ? (refusal?.message ?? null) : null);
    setStep('form');
  }

  if (step === 'done' && answer) {
    return (
      <div>
        <PageTitle>お申込みを受け付けました</PageTitle>
        <Notice tone="success">
          <p className="answer-id">
            申込ID：<strong>{answer.id}</strong>
          </p>
          <p>申込み完了メールをお送りしました。お問い合わせの際は申込IDをお知らせください。</p>
        </Notice>
        {answer.warnings.length > 0 && (
          <Notice tone="warning">
            {answer.warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </Notice>
        )}
        <p>
          <Link to={`/applications/${answer.id}`}>申込内容の照会へ</Link>　
          <Link to="/home">お申込み状況へ</Link>
        </p>
      </div>
    );
  }

  if (step === 'confirm') {
    const values = getValues();
    const row = (label: string, value: string | undefined | null) => (
      <div className="row">
        <dt>{label}</dt>
        <dd>{value && value.trim() !== '' ? value : '（未入力）'}</dd>
      </div>
    );
    return (
      <div>
        <PageTitle>お申込み内容の確認</PageTitle>
        <p>
          以下の内容でお申込みいたします。内容をご確認のうえ、「この内容で申し込む」を押してください。
        </p>
        {warnings.length > 0 && (
          <Notice tone="warning">
            <strong>ご注意ください：</strong>申込日から{DATE_LABELS[values.kind]}
            までの間に次の休業期間があるため、ご希望の時期に間に合わない可能性がございます。
            <ul>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </Notice>
        )}
        <dl className="summary">
          {row('お申込み区分', KIND_LABELS[values.kind])}
          {row('利用規約', terms && `${termsName(terms)}に同意のうえ申込み`)}
          {row('お客さま名', values.customer.name)}
          {row('お客さま担当者所属部署名', values.customer.department)}
          {row('お客さま担当者名', values.customer.contactName)}
          {row('お客さま電話番号', values.customer.phone)}
          {row('申込者所属企業名', values.applicant.company)}
          {row('申込者所属部署名', values.applicant.department)}
          {row('申込者氏名', values.applicant.name)}
          {row('電話番号1', values.applicant.phone1)}
          {row('電話番号2', values.applicant.phone2)}
          {row('E-mail', values.applicant.email)}
          {row('FAX', values.applicant.fax)}
          {values.meteringPoints.map((point, index) => (
            <div className="row" key={index}>
              <dt>計量地点{index + 1}</dt>
              <dd>
                {point.pointId}（{pointKindOf(point.pointId) ?? '種別不明'}）／計器ID：
                {meterIdOf(point)}
              </dd>
            </div>
          ))}
          {row(DATE_LABELS[values.kind], formatDate(parseDay(values.desiredStartDate) ?? ''))}
        </dl>
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => setStep('form')}>
            戻って修正する
          </button>
          <button
            type="button"
            id="send-application"
            className="button-primary"
            onClick={() => void send()}
          >
            この内容で申し込む
          </button>
        </div>
      </div>
    );
  }

  const errors = formState.errors;
  return (
    <div>
      <PageTitle>高圧Bルートサービスのお申込み</PageTitle>
      <ul className="notes">
        <li>※印の項目は、必ず入力（選択）してください。</li>
        <li>入力に使用する文字種（半角数字・全角など）の指定に従い、入力してください。</li>
        <li>供給地点特定番号または受電地点特定番号をご用意のうえお申込みください。</li>
        <li>
          こちらは高圧Bルートに限定した申込みです。低圧のBルートサービスは「電力メーター情報発信サービス（Bルートサービス）」からお申込みください。
        </li>
        <li>
          光通信端末設備の場合、および島嶼の場合は、高圧Bルートサービスの提供対象外となります。
        </li>
      </ul>
      <ErrorSummary
        items={flattenErrors(errors)}
        message={message}
        labels={(name) => applicationLabel(name, kind)}
      />
      <form onSubmit={(event) => void handleSubmit(toConfirm)(event)} noValidate>
        <fieldset>
          <legend>
            お申込み区分<span className="required">※必須</span>
          </legend>
          {(['NEW', 'TERMINATION', 'ACTIVATION'] as ApplicationKind[]).map((value, index) => (
            <div className="radio" key={value}>
              <input
                id={index === 0 ? 'f-kind' : `f-kind-${value}`}
                type="radio"
                value={value}
                aria-describedby={`kind-${value}-help`}
                {...register('kind')}
              />
              <label htmlFor={index === 0 ? 'f-kind' : `f-kind-${value}`}>
                {KIND_LABELS[value]}
              </label>
              <p className="help" id={`kind-${value}-help`}>
                {KIND_DESCRIPTIONS[value]}
              </p>
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>利用規約</legend>
          {terms ? (
            <>
              <p>
                お申込み（解約のお申込みを含みます）の前に、「{termsName(terms)}
                」を必ずお読みください。
              </p>
              {terms.url && (
                <p>
                  <a href={terms.url} target="_blank" rel="noreferrer">
                    {terms.title}（別ウィンドウで開きます）
                  </a>
                </p>
              )}
            </>
          ) : (
            <Loading />
          )}
          <Field
            name="consentConfirmed"
            label="利用規約への同意"
            required
            error={errors.consentConfirmed?.message}
          >
            {(props) => (
              <div className="checkbox">
                <input
                  {...props}
                  type="checkbox"
                  {...register('consentConfirmed', {
                    validate: (v) => v || '利用規約への同意をお願いいたします。',
                  })}
                />
                <label htmlFor={props.id} className="consent">
                  {CONSENT}
                </label>
              </div>
            )}
          </Field>
        </fieldset>

        <ApplicationFields form={form} kind={kind} today={today} />

        <div className="actions">
          <button type="submit" className="button-primary">
            確認画面へ進む
          </button>
        </div>
      </form>
    </div>
  );
}
