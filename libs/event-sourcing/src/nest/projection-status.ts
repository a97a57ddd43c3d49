export interface ProjectionLag {
  readonly name: string;
  /** Events visible in the store that the projection has not applied; null when unknown. */
  readonly lagEvents: number | null;
}

/** What the projection runner reports to `/health` and `/metrics`. */
export interface ProjectionStatusSource {
  status(): Promise<ProjectionLag[]>;
}

/** Optional: without a provider, health reports no projections. */
export const PROJECTION_STATUS = Symbol('ProjectionStatus');
