// Every call shares the one database connection. Most calls do their writing in one synchronous
// transaction, so they cannot interleave. An import keeps its transaction open across awaits
// (its entries arrive from the verify worker batch by batch), and while it does no other call may
// touch the connection: its reads would see rows not yet committed, and its writes would join
// the import's transaction and vanish with it if the bundle is refused. So calls pass a gate:
// any number run together, except while one of them holds the connection alone.
//
// A call that asks to hold the connection alone steps out of the shared group while it waits for
// the calls already running to finish; calls that arrive meanwhile wait behind it (so a stream of
// short calls cannot starve an import). Two such requests are served one after the other.

type Wake = () => void;

export class ConnectionGate {
  /** Calls inside, outside any exclusive section. */
  private shared = 0;
  private exclusiveHeld = false;
  /** Exclusive requests waiting (they take precedence over new shared calls). */
  private exclusiveWaiting: Wake[] = [];
  private sharedWaiting: Wake[] = [];

  /** Enter as one of the calls sharing the connection; call the returned function when done. */
  async enter(): Promise<() => void> {
    while (this.exclusiveHeld || this.exclusiveWaiting.length > 0) {
      await new Promise<void>((wake) => this.sharedWaiting.push(wake));
    }
    this.shared += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.shared -= 1;
      this.wakeNext();
    };
  }

  /**
   * Run `work` with the connection to itself, from inside a call that entered: waits for the other
   * calls to finish, keeps new ones waiting until `work` settles, then carries on as a shared call.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    this.shared -= 1;
    if (this.exclusiveHeld || this.shared > 0 || this.exclusiveWaiting.length > 0) {
      // In turn: the first request waiting is woken once the connection is free (wakeNext).
      await new Promise<void>((wake) => {
        this.exclusiveWaiting.push(wake);
        this.wakeNext();
      });
    }
    this.exclusiveHeld = true;
    try {
      return await work();
    } finally {
      this.exclusiveHeld = false;
      this.shared += 1;
      this.wakeNext();
    }
  }

  /** True while a call holds the connection alone (calls that only read memory may still answer). */
  get held(): boolean {
    return this.exclusiveHeld;
  }

  private wakeNext(): void {
    if (this.exclusiveHeld) return;
    if (this.exclusiveWaiting.length > 0) {
      if (this.shared === 0) {
        // Taken here, not by the woken request, so nothing can slip in before it runs.
        this.exclusiveHeld = true;
        (this.exclusiveWaiting.shift() as Wake)();
      }
      return;
    }
    this.sharedWaiting.splice(0).forEach((wake) => wake());
  }
}
