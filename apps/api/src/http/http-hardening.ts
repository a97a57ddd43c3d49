import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';

/** A GraphQL request is a query and its variables: far below this. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A strict CSP for the portal served at `/` from the same origin (scripts and styles from its
 * own files only, no inline code) and for the API: nothing may frame either.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Headers on every response (helmet: nosniff, a referrer policy, no framing, the CSP, HSTS in
 * production), `Cache-Control: no-store` on /graphql (answers carry personal data), and a JSON
 * body limit whose refusal is a GraphQL-shaped Japanese error rather than Express's English page.
 * Outside production the GraphQL landing page (GraphiQL) runs inline scripts, so /graphql goes
 * without the CSP there.
 */
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  const production = config.env === 'production';
  const common = {
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' as const },
  };
  const strict = helmet({ ...common, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  const landingPage = helmet({ ...common, contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (!production && request.path === '/graphql' ? landingPage : strict)(request, response, next),
  );
  app.use('/graphql', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(jsonBody());
}

function jsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES });
  return (request, response, next) =>
    parse(request, response, (error: unknown) => {
      if (error === undefined || error === null) return next();
      const type = (error as { type?: unknown }).type;
      if (type === 'entity.too.large') {
        return refuse(response, 413, 'REQUEST_TOO_LARGE', TOO_LARGE);
      }
      if (type === 'entity.parse.failed') {
        return refuse(response, 400, 'MALFORMED_JSON', MALFORMED);
      }
      return next(error);
    });
}

const TOO_LARGE = `リクエストが大きすぎます（上限 ${MAX_BODY_BYTES / 1024} KB）。送信する内容を減らしてください。`;
const MALFORMED = 'リクエストの形式が不正です。JSON の書き方をご確認ください。';

function refuse(response: Response, status: number, reason: string, message: string): void {
  response
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason, fields: [] } }] });
}
