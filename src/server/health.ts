import { PanelError } from "../panel/errors.js";
import type { Redis } from "../store/redis.js";

export type RedisHealth = "ok" | "down";
/** refused: the panel answered but will not serve this key or account */
export type PanelHealth = "ok" | "down" | "refused";

export interface HealthReport {
  healthy: boolean;
  body: { redis: RedisHealth; panel: PanelHealth };
}

export interface HealthOptions {
  /** the panel is asked at most this often; between two asks the last answer stands */
  panelEveryMs?: number;
  redisTimeoutMs?: number;
}

/**
 * GET /healthz: Redis answers PING, and the panel answers `balance` with this key. A probe hits
 * /healthz every few seconds, so the panel's answer is cached; a report never carries an error
 * text (it could quote the request, key included), only what is down.
 */
export class HealthCheck {
  private panelState?: { at: number; health: PanelHealth };
  private panelAsk?: Promise<PanelHealth>;
  private readonly panelEveryMs: number;
  private readonly redisTimeoutMs: number;

  constructor(
    private readonly deps: { redis: Redis; panel: { balance(): Promise<unknown> } },
    opts: HealthOptions = {},
  ) {
    this.panelEveryMs = opts.panelEveryMs ?? 30_000;
    this.redisTimeoutMs = opts.redisTimeoutMs ?? 2_000;
  }

  async check(): Promise<HealthReport> {
    const [redis, panel] = await Promise.all([this.redis(), this.panel()]);
    return { healthy: redis === "ok" && panel === "ok", body: { redis, panel } };
  }

  private async redis(): Promise<RedisHealth> {
    // ioredis holds commands while it reconnects; a health answer must not wait for that.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.redisTimeoutMs);
    });
    try {
      return (await Promise.race([this.deps.redis.ping(), timeout])) === "PONG" ? "ok" : "down";
    } catch {
      return "down";
    } finally {
      clearTimeout(timer);
    }
  }

  private panel(): Promise<PanelHealth> {
    const cached = this.panelState;
    if (cached && Date.now() - cached.at < this.panelEveryMs) return Promise.resolve(cached.health);
    this.panelAsk ??= this.deps.panel
      .balance()
      .then(
        (): PanelHealth => "ok",
        (e: unknown): PanelHealth => (e instanceof PanelError ? "refused" : "down"),
      )
      .then((health) => {
        this.panelState = { at: Date.now(), health };
        this.panelAsk = undefined;
        return health;
      });
    return this.panelAsk;
  }
}
