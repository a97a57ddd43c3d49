import { AsyncLocalStorage } from 'node:async_hooks';
import { createParamDecorator } from '@nestjs/common';

export interface RequestContextValue {
  /** Echoed as `x-correlation-id` and recorded in every event the request causes. */
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextValue>();
/** Read models a request's write did not show up in before its wait ran out, per request. */
const behind = new WeakMap<RequestContextValue, Set<string>>();

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
  /** Outside a request (a tool, a job) there is nobody to tell: the caller's log says it. */
  noteReadModelBehind(name: string): void {
    const request = storage.getStore();
    if (!request) return;
    const names = behind.get(request) ?? new Set<string>();
    names.add(name);
    behind.set(request, names);
  },
  readModelsBehind(request: RequestContextValue | undefined = storage.getStore()): string[] {
    return request ? [...(behind.get(request) ?? [])].sort() : [];
  },
};

/** The current request's correlation id as a resolver or controller parameter. */
export const CorrelationId = createParamDecorator((_data: unknown): string | undefined =>
  RequestContext.correlationId(),
);
