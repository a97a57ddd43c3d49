import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { correlationIdOf } from './correlation-id';
import { RequestContextMiddleware } from './request-context.middleware';

const QUIET_PATHS = new Set(['/health', '/metrics']);

/**
 * Logs through pino; every line of a request carries its `correlationId`. JSON for machines, and
 * readable lines when a person watches the terminal (stdout is a TTY) and no destination is given.
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const options = {
      level: config.logLevel,
      genReqId: correlationIdOf,
      // Lines logged during a request carry just `correlationId`, not the whole request again.
      customAttributeKeys: { reqId: 'correlationId' },
      quietReqLogger: true,
      // Probes hit these every few seconds; their lines would drown the rest.
      autoLogging: {
        ignore: (request: { url?: string }) =>
          QUIET_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      },
      // Issue 11 §5: a log line is never erased, so it names no client address (ACC-7 could not
      // take it back); the security log keeps the address, for its retention, where it is needed.
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'req.headers["x-forwarded-for"]',
        'req.headers["x-real-ip"]',
        'req.headers.forwarded',
        'req.remoteAddress',
      ],
    };
    const stream = destination ?? (process.stdout.isTTY ? readableLines() : undefined);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options })],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestContextMiddleware)
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}

function readableLines(): DestinationStream {
  return pretty({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url}{end}{if res} → {res.statusCode}{end}',
    sync: true,
  });
}
