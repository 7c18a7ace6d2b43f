import { keys as keysFor, type Keys } from "./keys.js";
import type { Redis } from "./redis.js";
import { Scripts } from "./scripts.js";

/** What every store starts from: its connection, the key registry for its prefix, and the Lua scripts (defined on the connection once). */
export abstract class RedisStore {
  protected readonly k: Keys;
  protected readonly scripts: Scripts;
  constructor(
    protected readonly redis: Redis,
    prefix: string,
  ) {
    this.k = keysFor(prefix);
    this.scripts = Scripts.of(redis);
  }
}
