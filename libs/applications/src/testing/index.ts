export { applicantInfoProblems, customerInfoProblems } from '../domain/contact-info-rules';
export { type SealedApplicantInfo } from '../domain/application.event';
