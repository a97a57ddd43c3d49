export { ApplicationsModule } from './applications.module';
export { formatCalendarDay, japanDayOf, type CalendarDay } from './domain/calendar-day';
export { checkDesiredStartDate, type StartDateWarning } from './domain/start-date';
export { holidayJpCalendar } from './calendar/holiday-jp-calendar.adapter';
export {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STREAM_PREFIX,
  applicationPiiSubject,
  applicationStream,
  isApplicationEventType,
  type ApplicationEvent,
} from './domain/application.event';
export { asSealedText } from './domain/sealed-text';
export { initialState } from './domain/application.state';
export { decide } from './domain/application.decide';
export type { SubmitApplication } from './domain/application.command';
export { APPLICATION_SEARCH_PROJECTION } from './projections/application-search.projection';
export {
  APPLICATION_SEARCH_MIGRATIONS,
  APPLICATIONS_PROJECTIONS,
} from './projections/application-search-read-model';
export { DEFAULT_TERMS_OF_SERVICE } from './application-providers';
export { APPLICATIONS_MIGRATIONS } from './migrations/applications-migrations';
// The write doors the command-line tools and the crash test drive, as the gateway's resolvers do.
export { SubmitApplicationCommand } from './use-cases/submit-application/submit-application.command';
export { StartProcessingCommand } from './use-cases/start-processing/start-processing.command';
export { CompleteApplicationCommand } from './use-cases/complete-application/complete-application.command';
export { DESIRED_DATE_LABELS, KIND_LABELS, STATUS_LABELS } from './messages';
