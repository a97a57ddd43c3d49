export { parseMeterId } from '../domain/meter-id';
