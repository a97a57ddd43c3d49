import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { requestRefusal } from '../errors/request-refusal';

/**
 * Brackets (`{`, `[`, `(`) nested deeper than this are refused before Apollo parses the
 * document. graphql-js parses and validates by recursion: a few thousand `{` overflowed the
 * stack in the parser (its RangeError came back as a "syntax error") or, just under that, in
 * validation (HTTP 500). A document within GRAPHQL_MAX_DEPTH (at most 100) needs one brace per
 * level and a few more for an argument's input objects and lists.
 */
export const MAX_NESTING = 200;

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Whether the document's brackets nest deeper than `limit`, found with graphql-js's own lexer
 * (iterative, and it knows strings and comments). A document it cannot lex is the parser's to
 * report.
 */
export function nestsDeeperThan(document: string, limit: number): boolean {
  const lexer = new Lexer(new Source(document));
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind)) {
        depth += 1;
        if (depth > limit) return true;
      } else if (CLOSING.has(token.kind)) {
        depth -= 1;
      }
    }
  } catch {
    return false;
  }
  return false;
}

/** The document of a POST body or a GET query string, whichever the request carries. */
function documentOf(request: Request): unknown {
  const body: unknown = request.body;
  if (body && typeof body === 'object' && 'query' in body) return body.query;
  return request.query['query'];
}

/** Refuses, as QUERY_TOO_DEEP, a document nested beyond MAX_NESTING before it is parsed. */
@Injectable()
export class MaxNestingMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const document = documentOf(request);
    if (typeof document !== 'string' || !nestsDeeperThan(document, MAX_NESTING)) {
      next();
      return;
    }
    response
      .status(400)
      .json(
        requestRefusal('QUERY_TOO_DEEP', `クエリの入れ子が深すぎます（上限 ${MAX_NESTING} 段）。`),
      );
  }
}
