import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { refusalOf, type Refusal } from './client';
import { graphql } from './gql';
import type { MeteringPointKind } from './gql/graphql';
import { POINT_KIND_LABELS } from './labels';
import { applyFieldProblems, ErrorSummary, Field, flattenErrors } from './ui';

const CompleteMutation = graphql(`
  mutation CompleteApplication(
    $id: Int!
    $expectedRevision: Int!
    $issuedPoints: [IssuedPointInput!]
  ) {
    completeApplication(id: $id, expectedRevision: $expectedRevision, issuedPoints: $issuedPoints) {
      id
    }
  }
`);

interface Point {
  readonly kind: MeteringPointKind;
  readonly pointId: string;
  readonly unissued: boolean;
}

interface Props {
  readonly application: {
    readonly id: number;
    readonly revision: number;
    readonly meteringPoints: readonly Point[];
  };
  readonly onDone: (refusal: Refusal | null) => void;
}

interface IssuedValues {
  points: { pointId: string }[];
}

/** 「03-1011」 from the unissued placeholder's first six digits. */
function prefixOf(pointId: string): string {
  return `${pointId.slice(0, 2)}-${pointId.slice(2, 6)}`;
}

/**
 * OPS-4: 完了. A NEW that names unissued point IDs (16 zeros) is completed with the issued ID
 * of each, typed here; the API checks each (22 digits, the same prefix) and answers field by
 * field as `issuedPoints[n].pointId`, shown at the n-th input.
 */
export function CompleteForm({ application, onDone }: Props) {
  const [, complete] = useMutation(CompleteMutation);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const unissued = application.meteringPoints
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.unissued);
  const form = useForm<IssuedValues>({
    shouldFocusError: false,
    defaultValues: { points: unissued.map(() => ({ pointId: '' })) },
  });
  const revision = { id: application.id, expectedRevision: application.revision };

  async function send(values: IssuedValues | null) {
    setMessage(null);
    const result = await complete({
      ...revision,
      issuedPoints: values
        ? unissued.map(({ index }, position) => ({
            index,
            pointId: values.points[position]?.pointId ?? '',
          }))
        : null,
    });
    const refusal = refusalOf(result.error);
    if (!refusal || refusal.fields.length === 0) {
      onDone(refusal);
      return;
    }
    // `issuedPoints[0].index` and `.pointId` both belong to the first input.
    const problems = refusal.fields.map((problem) => ({
      ...problem,
      field: problem.field.replace(/^issuedPoints\[(\d+)\]\.\w+$/, 'points[$1].pointId'),
    }));
    const known = (name: string) => /^points\.\d+\.pointId$/.test(name);
    const rest = applyFieldProblems(problems, form.setError, known);
    setMessage(rest.length > 0 ? rest.map((problem) => problem.message).join(' ') : null);
  }

  if (unissued.length === 0) {
    return (
      <button type="button" className="button-primary" onClick={() => void send(null)}>
        完了
      </button>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button-primary" onClick={() => setOpen(true)}>
        完了
      </button>
    );
  }
  const labelOf = (position: number) => {
    const entry = unissued[position];
    return entry ? `計量地点${entry.index + 1}の発番された地点特定番号` : '発番された地点特定番号';
  };
  return (
    <form
      className="panel complete-form"
      noValidate
      onSubmit={(event) => void form.handleSubmit(send)(event)}
    >
      <h3>完了（発番された地点特定番号の入力）</h3>
      <p>
        未発番（16桁がすべて「0」）の番号でお申込みいただいた計量地点があります。発番された地点特定番号を入力してから完了にしてください。
      </p>
      <ErrorSummary
        items={flattenErrors(form.formState.errors)}
        message={message}
        labels={(name) => labelOf(Number(/^points\.(\d+)/.exec(name)?.[1] ?? -1))}
      />
      {unissued.map(({ point, index }, position) => (
        <Field
          key={index}
          name={`points.${position}.pointId`}
          label={labelOf(position)}
          hint="(半角数字22桁)"
          required
          error={form.formState.errors.points?.[position]?.pointId?.message}
          help={
            <p>
              お申込み時の{POINT_KIND_LABELS[point.kind]}：{point.pointId}（未発行）。同じ「
              {prefixOf(point.pointId)}」から始まる22桁の番号を入力してください。
            </p>
          }
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              className="wide"
              {...form.register(`points.${position}.pointId`, {
                validate: (value) =>
                  value.trim() !== '' || '発番された地点特定番号を入力してください。',
              })}
            />
          )}
        </Field>
      ))}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          やめる
        </button>
        <button type="submit" className="button-primary">
          完了にする
        </button>
      </div>
    </form>
  );
}
