export { contextTestDatabase, type ContextTestDatabase } from './context-test-database';
export { deciderSpec } from './decider-spec';
export { InMemoryEventStore } from '../event-store/in-memory/in-memory-event-store';
