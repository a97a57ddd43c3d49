export {
  contextTestDatabase,
  type ContextTestDatabase,
  type ContextTestDatabaseOptions,
} from './context-test-database';
