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
