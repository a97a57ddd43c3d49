import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldProblem, Refusal } from './client';

/** The id of a form field's control, from its react-hook-form name (`customer.name`). */
function fieldId(name: string): string {
  return `f-${name.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

/** The API's field path (`meteringPoints[0].pointId`) as a react-hook-form name. */
function formName(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** Puts each refused field's message at its field; answers the problems no field took. */
export function applyFieldProblems<T extends FieldValues>(
  problems: readonly FieldProblem[],
  setError: UseFormSetError<T>,
  known: (name: string) => boolean,
): FieldProblem[] {
  const rest: FieldProblem[] = [];
  for (const problem of problems) {
    const name = formName(problem.field);
    if (known(name)) setError(name as Path<T>, { type: 'server', message: problem.message });
    else rest.push(problem);
  }
  return rest;
}

interface SummaryItem {
  readonly name: string;
  readonly message: string;
}

/** Flattens react-hook-form's nested errors into `name → message`, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ''): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'root') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      items.push({ name, message: value.message });
    } else if (typeof value === 'object') {
      items.push(...flattenErrors(value as FieldErrors, name));
    }
  }
  return items;
}

/** The error summary at the top of a form: each problem links to its field. */
export function ErrorSummary({
  items,
  message,
  labels,
}: {
  items: readonly SummaryItem[];
  message?: string | null;
  labels?: (name: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = `${message ?? ''}|${items.map((item) => item.name).join(',')}`;
  useEffect(() => {
    if (key !== '|') ref.current?.focus();
  }, [key]);
  if (!message && items.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">入力内容をご確認ください</h2>
      {message && <p>{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.name}>
              <a href={`#${fieldId(item.name)}`}>
                {labels ? `${labels(item.name)}：` : ''}
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'warning' | 'success' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function RefusalNotice({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return <Notice tone="error">{refusal.message}</Notice>;
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly help?: ReactNode;
  readonly error?: string;
  readonly children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
    'aria-required'?: boolean;
  }) => ReactNode;
}

/** A labelled control with its width hint (「(全角)」), help and error tied to it. */
export function Field({ name, label, hint, required, help, error, children }: FieldProps) {
  const id = fieldId(name);
  const helpId = useId();
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required">※必須</span>}
        {hint && <span className="hint">{hint}</span>}
      </label>
      {help && (
        <div className="help" id={helpId}>
          {help}
        </div>
      )}
      {error && (
        <p className="error-message" id={errorId}>
          {error}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
      })}
    </div>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.title = `${typeof children === 'string' ? children : ''}｜高圧Bルートサービス`;
  }, [children]);
  return <h1>{children}</h1>;
}

export function Loading() {
  return (
    <p role="status" className="loading">
      読み込み中です…
    </p>
  );
}

/**
 * 前の／次のN件 under a paged list; `shown` is how many rows the current page holds. A capped
 * total (more match than were counted) shows the page number without the number of pages.
 */
export function Pager({
  offset,
  shown,
  total,
  totalCapped = false,
  pageSize,
  onOffset,
}: {
  offset: number;
  shown: number;
  total: number;
  totalCapped?: boolean;
  pageSize: number;
  onOffset: (offset: number) => void;
}) {
  if (total <= pageSize && !totalCapped) return null;
  return (
    <nav aria-label="表示ページ" className="pager">
      <button
        type="button"
        className="button-secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        前の{pageSize}件
      </button>
      <span>
        {Math.floor(offset / pageSize) + 1}
        {totalCapped ? ' ページ目' : ` / ${Math.ceil(total / pageSize)} ページ`}
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={totalCapped ? shown < pageSize : offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        次の{pageSize}件
      </button>
    </nav>
  );
}
