/**
 * A refusal as a domain value: every context's error type has this shape, so the kernel turns any
 * of them into the one `DomainError` the gateway maps (`domainErrorOf`).
 */
export interface Refusal {
  /** One of the contract's `ErrorCode`s, by name. */
  readonly code: string;
  /** Finer than the code, for logs and specs. */
  readonly reason: string;
  /** Japanese, shown to the user. */
  readonly message: string;
  readonly fields?: readonly {
    readonly field: string;
    readonly code: string;
    readonly message: string;
  }[];
}
