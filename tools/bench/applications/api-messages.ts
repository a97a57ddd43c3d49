/** What the bench asks the API process, and what it answers. */
export type ApiRequest =
  | { readonly type: 'usage' }
  | { readonly type: 'rebuild'; readonly projection: string }
  | { readonly type: 'create-operator'; readonly userId: string }
  | { readonly type: 'close' };

export type ApiReply =
  | { readonly type: 'listening'; readonly port: number }
  | {
      readonly type: 'usage';
      readonly rss: number;
      /** The highest RSS since the process started (getrusage's ru_maxrss). */
      readonly peakRss: number;
      readonly cpu: NodeJS.CpuUsage;
    }
  | { readonly type: 'rebuilt'; readonly seconds: number }
  | { readonly type: 'operator'; readonly initialPassword: string }
  | { readonly type: 'closed' }
  | { readonly type: 'failed'; readonly message: string };
