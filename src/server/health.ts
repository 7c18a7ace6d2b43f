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
  /** a panel slower than this counts as down (its retries could take minutes) */
  panelTimeoutMs?: number;
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
  private readonly panelTimeoutMs: number;
  private readonly redisTimeoutMs: number;

  constructor(
    private readonly deps: { redis: Redis; panel: { balance(): Promise<unknown> } },
    opts: HealthOptions = {},
  ) {
    this.panelEveryMs = opts.panelEveryMs ?? 30_000;
    this.panelTimeoutMs = opts.panelTimeoutMs ?? 5_000;
    this.redisTimeoutMs = opts.redisTimeoutMs ?? 2_000;
  }

  async check(): Promise<HealthReport> {
    const [redis, panel] = await Promise.all([this.redis(), this.panel()]);
    return { healthy: redis === "ok" && panel === "ok", body: { redis, panel } };
  }

  private async redis(): Promise<RedisHealth> {
    // ioredis holds commands while it reconnects; a health answer must not wait for that.
    const answer = this.deps.redis.ping().then(
      (pong) => (pong === "PONG" ? "ok" : "down"),
      () => "down" as const,
    );
    return within(answer, this.redisTimeoutMs, "down");
  }

  private panel(): Promise<PanelHealth> {
    const cached = this.panelState;
    if (cached && Date.now() - cached.at < this.panelEveryMs) return Promise.resolve(cached.health);
    // Probes arriving while the panel is being asked share the one request.
    if (this.panelAsk) return this.panelAsk;
    const answer = this.deps.panel.balance().then(
      (): PanelHealth => "ok",
      (e: unknown): PanelHealth => (e instanceof PanelError ? "refused" : "down"),
    );
    this.panelAsk = within(answer, this.panelTimeoutMs, "down").then((health) => {
      this.panelState = { at: Date.now(), health };
      this.panelAsk = undefined;
      return health;
    });
    return this.panelAsk;
  }
}

/** `work`'s result, or `fallback` once `ms` have passed (the work itself goes on). */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
