import { RedisStore } from "./redis-store.js";

export type OrderActionLockState = "sending" | "accepted";

/** Short locks on a customer's refill/cancel of an order, so a double tap is one panel request. */
export class OrderActionLocks extends RedisStore {
  /** Takes the lock as "sending" for `ms`; false when it is held (see `state`). */
  async acquire(orderId: string, action: string, ms: number): Promise<boolean> {
    return (await this.redis.set(this.k.orderActionLock(orderId, action), "sending", "PX", ms, "NX")) !== null;
  }

  async state(orderId: string, action: string): Promise<OrderActionLockState | null> {
    const v = await this.redis.get(this.k.orderActionLock(orderId, action));
    return v === "sending" || v === "accepted" ? v : null;
  }

  /** The panel accepted: repeated presses are answered "already requested" for `ms`. */
  async markAccepted(orderId: string, action: string, ms: number): Promise<void> {
    await this.redis.set(this.k.orderActionLock(orderId, action), "accepted", "PX", ms);
  }

  async release(orderId: string, action: string): Promise<void> {
    await this.redis.del(this.k.orderActionLock(orderId, action));
  }
}
