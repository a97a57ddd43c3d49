import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { correlationIdOf } from './correlation-id';
import { RequestContextMiddleware } from './request-context.middleware';

const QUIET_PATHS = new Set(['/health', '/metrics']);

/** JSON logs through pino; every line of a request carries its `correlationId`. */
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
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options })],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestContextMiddleware)
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
