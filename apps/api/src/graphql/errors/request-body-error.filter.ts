import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { requestRefusal } from './request-refusal';

const GRAPHQL_PATH = '/graphql';
const PAYLOAD_TOO_LARGE = 413;

const REFUSALS: Record<number, { reason: string; message: string }> = {
  400: {
    reason: 'MALFORMED_JSON',
    message:
      'リクエストの本文を JSON として読み取れませんでした。UTF-8 の JSON で送信してください。',
  },
  415: {
    reason: 'UNSUPPORTED_ENCODING',
    message:
      'リクエストの文字コードまたは圧縮形式には対応していません。UTF-8 の JSON で送信してください。',
  },
};

/**
 * A `/graphql` body that the JSON parser refused never reaches Apollo, so Nest answered it in its
 * own English shape (`{ statusCode, message, error }`). Such a client gets a GraphQL error with a
 * contract code instead. Everything else, other routes and GraphQL's own errors, goes on as
 * before; an oversized body (413) is left to the body-size limit's own handling.
 */
@Catch()
export class RequestBodyErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Resolver errors pass through global filters too; Apollo formats those.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const status = statusOf(exception);
    const refusal = status === undefined ? undefined : REFUSALS[status];
    if (!refusal || status === PAYLOAD_TOO_LARGE || request.path !== GRAPHQL_PATH) {
      super.catch(exception, host);
      return;
    }
    http
      .getResponse<Response>()
      .status(status ?? 400)
      .json(requestRefusal(refusal.reason, refusal.message));
  }
}

/** Nest's own exceptions, and body-parser's http-errors (`status`, `type: 'charset.unsupported'`). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const status =
      (exception as { status?: unknown; statusCode?: unknown }).status ??
      (exception as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return status;
  }
  return undefined;
}
