import { DESIRED_DATE_LABELS, KIND_LABELS } from '@app/applications';
import { HOLIDAY_NOTICE, mailMessages, POINT_KIND_LABELS } from '../messages';
import {
  body,
  displayDate,
  displayPointId,
  type RenderedMail,
  type TemplateContext,
} from './mail-template';

export type ApplicationKindName = keyof typeof KIND_LABELS;

export interface ApplicationReceivedParams {
  /** 申込ID, e.g. `42006`. */
  readonly applicationId: string;
  /** Absent from requests recorded before the mail repeated the application (they show less). */
  readonly kind?: ApplicationKindName;
  /** `YYYY-MM-DD`. */
  readonly desiredStartDate?: string;
  readonly points?: readonly { readonly kind: 'SUPPLY' | 'RECEPTION'; readonly pointId: string }[];
  /** APP-7: the stretches of days off between the application and the date. */
  readonly warnings?: readonly {
    readonly code: string;
    readonly from: string;
    readonly to: string;
  }[];
  /** The applicant's name (a vault token in the ledger, opened to send). */
  readonly addressee?: string;
}

/** 申込み完了メール (APP-9): what was applied for, and any APP-7 warning in the FAQ's words. */
export function applicationReceivedMail(
  params: ApplicationReceivedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.received;
  const l = mailMessages.labels;
  const { kind, desiredStartDate, points = [], warnings = [] } = params;
  return {
    subject: m.subject(params.applicationId),
    text: body(
      params.addressee,
      [
        m.intro,
        '',
        `${l.applicationId}: ${params.applicationId}`,
        ...(kind ? [`${l.kind}: ${KIND_LABELS[kind]}`] : []),
        ...(kind && desiredStartDate
          ? [`${DESIRED_DATE_LABELS[kind]}: ${displayDate(desiredStartDate)}`]
          : []),
        ...points.map(
          (point) => `${POINT_KIND_LABELS[point.kind]}: ${displayPointId(point.pointId)}`,
        ),
        `${l.status}: 申込受付`,
        ...(warnings.length > 0
          ? [
              '',
              m.warning,
              ...warnings.map(
                (warning) =>
                  `${warning.code === 'YEAR_END_CLOSURE' ? '年末年始休業' : '連休'}: ${displayDate(warning.from)}〜${displayDate(warning.to)}`,
              ),
              HOLIDAY_NOTICE,
            ]
          : []),
        '',
        ...m.next,
      ],
      context,
    ),
  };
}
