export {
  contextTestDatabase,
  type ContextTestDatabase,
  type ContextTestDatabaseOptions,
} from './context-test-database';
export { deciderSpec, type DeciderUnderSpec } from './decider-spec';
