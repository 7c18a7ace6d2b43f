import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";

/** "Was this alert sent lately?", shared by every process, so an outage does not flood the admins. */
export class AlertGates {
  private readonly k: Keys;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
  }

  /** True when the alert (kind + subject) may go out now; it is then closed for `quietMs`. */
  async pass(kind: string, subject: string, quietMs: number): Promise<boolean> {
    return (await this.redis.set(this.k.alertGate(kind, subject), "1", "PX", quietMs, "NX")) === "OK";
  }
}
