/**
 * Lets a sleeping loop be woken early. A wake-up that arrives while nobody sleeps is kept, so a
 * loop that clears it before reading and sleeps after cannot miss one that came in between.
 */
export class WakeSignal {
  private readonly sleepers = new Set<() => void>();
  private pending = false;

  notify(): void {
    if (this.sleepers.size === 0) this.pending = true;
    for (const wake of [...this.sleepers]) wake();
  }

  clear(): void {
    this.pending = false;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
