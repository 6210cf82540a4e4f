/**
 * How many bytes of files the index reads at once. A scan reads a batch of files in parallel, and a file may be
 * up to 64 MB, so counting files alone could hold gigabytes; the budget counts their bytes instead, and a file
 * larger than the whole budget is read alone.
 */
export class ByteBudget {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Bytes being read now: for tests. */
  get used(): number {
    return this.inFlight;
  }

  /** Waits until `bytes` fit beside the reads under way (or nothing else is read), and takes them; see `release`. */
  async acquire(bytes: number): Promise<number> {
    const taken = Math.min(Math.max(bytes, 0), this.limit);
    while (this.inFlight > 0 && this.inFlight + taken > this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight += taken;
    return taken;
  }

  /** Gives back what `acquire` took; the waiting reads check again whether they fit. */
  release(taken: number): void {
    this.inFlight -= taken;
    for (const wake of this.waiting.splice(0)) wake();
  }
}
