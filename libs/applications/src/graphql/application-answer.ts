import type { SubmittedApplication } from '../domain/application.state';
import type { ApplicationCipher } from '../infrastructure/application-cipher';
import type { ApplicationModel } from './application.model';

/**
 * The `Application` answer from a folded aggregate (a mutation's, or an as-of fold), with its
 * personal fields decrypted; they read `（消去済み）` once the subject was forgotten.
 */
export async function applicationAnswer(
  state: SubmittedApplication,
  revision: number,
  cipher: ApplicationCipher,
): Promise<ApplicationModel> {
  return {
    id: state.applicationId,
    kind: state.kind,
    status: state.status,
    registeredAt: new Date(state.registeredAt),
    updatedAt: new Date(state.updatedAt),
    desiredStartDate: state.desiredStartDate,
    customer: await cipher.openCustomer(state.customer),
    applicant: await cipher.openApplicant(state.applicant),
    meteringPoints: state.meteringPoints.map((point) => ({ ...point })),
    statusReason: state.statusReason,
    termsVersion: state.termsVersion ?? null,
    warnings: state.warnings.map((warning) => warning.message),
    revision,
  };
}
