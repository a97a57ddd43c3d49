import { AsyncLocalStorage } from 'node:async_hooks';
import { createParamDecorator } from '@nestjs/common';

export interface RequestContextValue {
  /** Echoed as `x-correlation-id` and recorded in every event the request causes. */
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

/**
 * The current request, reachable from resolvers, command handlers and anything they call
 * without threading it through every signature. The gateway enters it once per HTTP request.
 */
export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};

/** The current request's correlation id as a resolver or controller parameter. */
export const CorrelationId = createParamDecorator((_data: unknown): string | undefined =>
  RequestContext.correlationId(),
);
