export { contextTestDatabase } from './context-test-database';
