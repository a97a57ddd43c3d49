/**
 * One refused input field, in the shape of the contract's `extensions.fields` entries: `field` is
 * the dotted input path (`customer.name`), `code` a machine-readable reason, `message` Japanese.
 */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}
