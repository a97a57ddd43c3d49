import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';
import { hardenHttp } from './http/http-hardening';

/** The configured application, not yet listening: `main` and the end-to-end specs share it. */
export async function createApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    // Nest would otherwise abort the process on a failed start, leaving no message behind.
    abortOnError: false,
    // hardenHttp parses JSON itself, with a limit and a Japanese refusal.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Without TRUST_PROXY, X-Forwarded-For is ignored: the peer is the client.
  app.set('trust proxy', config.trustProxy.length > 0 ? [...config.trustProxy] : false);
  hardenHttp(app, config);
  app.enableShutdownHooks();
  return app;
}
