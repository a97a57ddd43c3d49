export { ApplicationsModule } from './applications.module';
export type { FieldProblem } from './domain/field-problem';
export {
  emailAddressProblems,
  fullWidthTextProblems,
  phoneNumberProblems,
  type FieldRef,
  type TextRuleCode,
} from './domain/text-rules';
export {
  applicantInfoProblems,
  customerInfoProblems,
  type ApplicantInfo,
  type CustomerInfo,
} from './domain/contact-info-rules';
export {
  formatCalendarDay,
  japanDayOf,
  parseCalendarDay,
  type CalendarDay,
} from './domain/calendar-day';
export type { HolidayCalendar } from './domain/holiday-calendar';
export {
  checkDesiredStartDate,
  MINIMUM_LEAD_DAYS,
  type StartDateCheck,
  type StartDateError,
  type StartDateErrorCode,
  type StartDateWarning,
  type StartDateWarningCode,
} from './domain/start-date';
export { holidayJpCalendar } from './calendar/holiday-jp-calendar.adapter';
export {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STREAM_PREFIX,
  SEALED_FIELDS,
  applicationPiiSubject,
  applicationStream,
  isApplicationEventType,
  occurredAtOf,
  type ApplicationChanged,
  type ApplicationCompleted,
  type ApplicationContent,
  type ApplicationEvent,
  type ApplicationEventType,
  type ApplicationKind,
  type ApplicationMeteringPoint,
  type ApplicationRejected,
  type ApplicationReturned,
  type ApplicationStatus,
  type ApplicationSubmitted,
  type ApplicationWithdrawn,
  type ChangedSection,
  type MeteringPointKind,
  type ProcessingStarted,
  type SealedApplicantInfo,
  type SealedCustomerInfo,
} from './domain/application.event';
export { asSealedText, type SealedText } from './domain/sealed-text';
export {
  initialState,
  isOpen,
  isSubmitted,
  type ApplicationRecord,
  type ApplicationState,
  type ChangeableApplication,
  type Completed,
  type InProgress,
  type NotSubmitted,
  type OpenApplication,
  type Received,
  type Rejected,
  type Returned,
  type SubmittedApplication,
  type Withdrawn,
} from './domain/application.state';
export { evolve } from './domain/application.evolve';
export { decide } from './domain/application.decide';
export { accessRefusal } from './domain/application-access';
export type {
  ApplicationChanges,
  ApplicationCommand,
  ApplicationCommandType,
  ChangeApplication,
  CompleteApplication,
  RejectApplication,
  ReturnApplication,
  StartProcessing,
  SubmitApplication,
  WithdrawApplication,
} from './domain/application.command';
export type { ApplicationDecision } from './domain/application-error';
export {
  STATUS_LABELS,
  applicationErrors,
  type ApplicationError,
  type ApplicationErrorCode,
  type ApplicationErrorReason,
} from './domain/application-error';
export { toApplicationEvent } from './infrastructure/recorded-application-event';
export { customerNameSearchKey } from './projections/customer-name-search-key';
export {
  ApplicationSearchRowEntity,
  type ApplicationSearchRow,
} from './projections/application-search-row.entity';
export { ApplicationSearch1764117600000 } from './projections/1764117600000-application-search';
export {
  APPLICATION_SEARCH_PROJECTION,
  applicationSearchProjection,
} from './projections/application-search.projection';
export {
  APPLICATION_SEARCH_MIGRATIONS,
  APPLICATIONS_PROJECTIONS,
} from './projections/application-search-read-model';
export {
  likeContaining,
  searchStatements,
  type SearchConditions,
  type SearchStatements,
  type SqlStatement,
} from './queries/application-search.sql';
export { pointHoldsOf, type HoldOutcome, type PointHolds } from './domain/point-holds';
export { eligibilityRefusal, type KnownMeteringPoint } from './domain/point-eligibility';
export type { CheckedApplicantInfo } from './domain/contact-info-rules';
export {
  APPLICATION_CLOCK,
  APPLICATION_READ_MODELS,
  DEFAULT_TERMS_OF_SERVICE,
  HOLIDAY_CALENDAR,
  type ApplicationClock,
  type ApplicationsModuleOptions,
  type TermsOfService,
} from './application-providers';
export { APPLICATIONS_MIGRATIONS } from './migrations/applications-migrations';
export { ApplicationIdSequence1764116900000 } from './migrations/1764116900000-application-id-sequence';
export {
  APPLICATION_EVENT_SCHEMA_VERSION,
  ApplicationRepository,
  type LoadedApplication,
} from './infrastructure/application-repository';
export { ApplicationCipher } from './infrastructure/application-cipher';
export { ApplicationIds } from './infrastructure/application-ids';
export {
  ApplicationCommandRunner,
  type ApplicationCommandOutcome,
  type ApplicationCommandRequest,
} from './infrastructure/application-command-runner';
export { METERING_POINTS, type MeteringPoints } from './infrastructure/metering-points';
export {
  checkChanges,
  checkSubmission,
  MAX_METERING_POINTS,
  type InputCheck,
  type ValidChanges,
  type ValidSubmission,
} from './input/application-input.rules';
export type {
  ChangeInput,
  MeteringPointInputValue,
  SubmissionInput,
} from './input/application-input';
export { ApplicationKindEnum, ApplicationStatusEnum } from './graphql/application-enums';
export { ApplicationModel } from './graphql/application.model';
export { CustomerInfoModel } from './graphql/customer-info.model';
export { ApplicantInfoModel } from './graphql/applicant-info.model';
export { ApplicationMeteringPointModel } from './graphql/application-metering-point.model';
export { applicationAnswer } from './graphql/application-answer';
// The write doors the command-line tools and the crash test drive, as the gateway's resolvers do.
export { SubmitApplicationCommand } from './use-cases/submit-application/submit-application.command';
export { StartProcessingCommand } from './use-cases/start-processing/start-processing.command';
export { CompleteApplicationCommand } from './use-cases/complete-application/complete-application.command';
