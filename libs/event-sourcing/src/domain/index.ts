// The kernel's plain-TypeScript half: domain/ folders may import these values (no Nest, no I/O).
export { accepted, refused, unreachable, type Decision } from './decision';
export type { Refusal } from './refusal';
