/** Now, for every decision (APP-7 counts days from it); tests replace it. */
export const APPLICATION_CLOCK = Symbol('ApplicationClock');
export type ApplicationClock = () => Date;

/** Japan's public holidays for the APP-7 warnings. */
export const HOLIDAY_CALENDAR = Symbol('HolidayCalendar');

/** Names of the read models (projections) a mutation waits for before it answers. */
export const APPLICATION_READ_MODELS = Symbol('ApplicationReadModels');

export interface ApplicationsModuleOptions {
  /** The domain clock (APP-7 counts days from it); end-to-end specs move it. */
  readonly clock?: ApplicationClock;
  /** Read models fed by application events, waited for after each write (read-your-writes). */
  readonly readModels?: readonly string[];
  /** APP-2: the terms in force; DEFAULT_TERMS_OF_SERVICE when not given. */
  readonly termsOfService?: TermsOfService;
}

/** APP-2: the terms a submission's consent refers to (`termsOfService`). */
export interface TermsOfService {
  readonly version: string;
  readonly title: string;
  readonly url: string | null;
}

export const TERMS_OF_SERVICE = Symbol('TermsOfService');

/** The FAQ's terms and the page that links them; `TERMS_VERSION`, `TERMS_URL` override. */
export const DEFAULT_TERMS_OF_SERVICE: TermsOfService = {
  version: '2023-10-01',
  title: '高圧電力メーター情報発信サービス（高圧Bルートサービス）利用規約',
  url: 'https://www.tepco.co.jp/pg/consignment/workshop/procedure/high-pressure/pressure/index-j.html',
};
