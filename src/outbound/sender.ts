import { randomUUID } from "node:crypto";
import { GrammyError, type Api } from "grammy";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Redis } from "../store/redis.js";
import type { UserStore } from "../store/users.js";
import { outboxKeys, type OutboxKeys, type QueuedMessage, type RedisOutbox } from "./outbox.js";

export type SenderApi = Pick<Api, "sendMessage" | "copyMessage">;

export interface SenderDeps {
  redis: Redis;
  prefix: string;
  /** a grammY Api WITHOUT auto-retry: a 429 is this sender's to handle, for that chat only */
  api: SenderApi;
  users: Pick<UserStore, "setBlocked">;
  metrics: Pick<Metrics, "notifications">;
  logger: Logger;
  /** wakes the sender as soon as this process queues something */
  outbox?: RedisOutbox;
}

export interface SenderOptions {
  /** messages a second over all chats and all processes (Telegram allows about 30) */
  globalRate: number;
  /** spacing between two messages to one private chat */
  perChatMs: number;
  /** spacing in groups, where Telegram allows 20 a minute */
  groupChatMs: number;
  /** a chat claimed by a process that died is free again after this long */
  leaseMs: number;
  /** a send not answered by then is abandoned (and retried): well within the lease, so no other process sends it meanwhile */
  sendTimeoutMs: number;
  /** network errors and 5xx: tries of one message before it is dropped */
  maxAttempts: number;
  /** first wait after a network error or 5xx; doubles per attempt */
  retryDelayMs: number;
  /** longest sleep when there is nothing to send (other processes' messages are seen this late) */
  idleMs: number;
  /** send slots are handed out this far ahead, so claiming never leaves the rate unused */
  lookaheadMs: number;
  /** messages being sent at once by this process */
  maxInFlight: number;
}

export const DEFAULT_SENDER_OPTIONS: Omit<SenderOptions, "globalRate"> = {
  perChatMs: 1_000,
  groupChatMs: 3_000,
  leaseMs: 60_000,
  sendTimeoutMs: 30_000,
  maxAttempts: 8,
  retryDelayMs: 2_000,
  idleMs: 250,
  lookaheadMs: 200,
  maxInFlight: 100,
};

// Hands out up to ARGV[2] chats whose turn has come, each with a send slot from the global rate
// limit: slots are 1000/rate ms apart for all processes together (Redis' own clock, so processes
// agree), and only slots within the next ARGV[5] ms are given out. Claimed chats are leased to
// the caller. Chats whose list is empty leave the ready set here.
// Returns {wait ms, chat, head message, slot delay ms, …}; wait is -1 when nothing is queued.
const CLAIM = `
local ready, rate, qprefix = KEYS[1], KEYS[2], ARGV[1]
local max, lease, interval, lookahead = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local first = tonumber(redis.call('GET', rate) or '0')
if first < now then first = now end
local slots = math.floor((now + lookahead - first) / interval) + 1
if slots <= 0 then return {math.ceil(first - lookahead - now)} end
if slots > max then slots = max end
local out = {0}
local taken = 0
for _, chat in ipairs(redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, slots + 20)) do
  if taken >= slots then break end
  local head = redis.call('LINDEX', qprefix .. chat, 0)
  if head then
    redis.call('ZADD', ready, now + lookahead + lease, chat)
    out[#out + 1] = chat
    out[#out + 1] = head
    out[#out + 1] = math.floor(first + taken * interval - now)
    taken = taken + 1
  else
    redis.call('ZREM', ready, chat)
  end
end
if taken > 0 then
  redis.call('SET', rate, string.format('%.3f', first + taken * interval), 'PX', 60000)
else
  local nxt = redis.call('ZRANGE', ready, 0, 0, 'WITHSCORES')
  out[1] = nxt[2] and math.max(0, tonumber(nxt[2]) - now) or -1
end
return out
`;

// The hard cap under the slots: at most ARGV[1] sends in any trailing ARGV[3] ms, over all
// processes. Slots keep the pace even; this keeps a late batch (a stalled process, a slow Redis)
// from catching up in a burst. Returns 0 with the send recorded, or how many ms to wait.
const PERMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], 2000)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
`;

/**
 * Telegram counts arrivals, which drift from send times by network jitter: the cap counts sends
 * over a second and this much more, so that no second of arrivals holds more than the limit.
 */
export const JITTER_ALLOWANCE_MS = 25;

// The head message is done (delivered, or dropped as failed): pop it if it is still the one that
// was sent, count its tag's outcome in the same step, and space the chat's next message.
const FINISH = `
local queue, ready, pending, attempts = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local popped = 0
local head = redis.call('LINDEX', queue, 0)
if head == ARGV[2] then
  redis.call('LPOP', queue)
  redis.call('DECR', pending)
  popped = 1
  local ok, msg = pcall(cjson.decode, head)
  if ok and type(msg) == 'table' and type(msg.tag) == 'string' then redis.call('HINCRBY', ARGV[5] .. msg.tag, ARGV[3], 1) end
end
redis.call('HDEL', attempts, ARGV[1])
local t = redis.call('TIME')
redis.call('ZADD', ready, tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[4]), ARGV[1])
return popped
`;

// Not sent now: the message stays at the head and the chat waits ARGV[2] ms. With ARGV[3] = '1'
// the failed attempt is counted and the wait doubles per attempt; returns the attempt count.
const DEFER = `
local n = 0
local wait = tonumber(ARGV[2])
if ARGV[3] == '1' then
  n = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  wait = wait * math.pow(2, math.min(n - 1, 10))
end
local t = redis.call('TIME')
redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + wait, ARGV[1])
return n
`;

// The chat cannot be written to (403): its whole queue goes, each tagged message counted as blocked.
const DROP_CHAT = `
local queue, ready, pending, attempts = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local msgs = redis.call('LRANGE', queue, 0, -1)
for _, m in ipairs(msgs) do
  local ok, msg = pcall(cjson.decode, m)
  if ok and type(msg) == 'table' and type(msg.tag) == 'string' then redis.call('HINCRBY', ARGV[2] .. msg.tag, 'blocked', 1) end
end
redis.call('DEL', queue)
if #msgs > 0 then redis.call('DECRBY', pending, #msgs) end
redis.call('ZREM', ready, ARGV[1])
redis.call('HDEL', attempts, ARGV[1])
return #msgs
`;

export type SendFailure =
  /** 429: this chat waits, the others go on */
  | { kind: "retry_after"; ms: number }
  /** 403: blocked by the user, kicked from the group, account deleted */
  | { kind: "blocked"; description: string }
  /** 400 and the like: this message will never go through */
  | { kind: "rejected"; description: string }
  /** network errors, 5xx: try again later */
  | { kind: "transient"; description: string };

/** What a failed Bot API call means for the queue. */
export function classifySendError(e: unknown): SendFailure {
  if (e instanceof GrammyError) {
    if (e.error_code === 429) return { kind: "retry_after", ms: Math.max(1, Number(e.parameters.retry_after ?? 1)) * 1000 };
    if (e.error_code === 403) return { kind: "blocked", description: e.description };
    if (e.error_code >= 400 && e.error_code < 500 && e.error_code !== 401 && e.error_code !== 409) return { kind: "rejected", description: e.description };
    return { kind: "transient", description: e.description };
  }
  return { kind: "transient", description: e instanceof Error ? e.message : String(e) };
}

interface Claimed {
  chatId: number;
  raw: string;
  /** how long to wait for this message's slot in the global rate */
  delayMs: number;
}

/**
 * Drains the outbound queue within Telegram's limits: a global rate shared by all processes
 * through Redis (evenly spaced send slots), one message a second per chat (a chat is leased to one
 * process at a time, so its messages go in order), 429 waits for that chat only, 403 ends a
 * chat's queue and marks the user blocked, a 400 drops the message. Nothing is lost on a crash: a
 * message leaves its list only after Telegram took it (so a crash right after sending may repeat one).
 */
export class OutboxSender {
  private readonly k: OutboxKeys;
  private readonly opts: SenderOptions;
  private readonly inFlight = new Set<Promise<void>>();
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private readonly onEnqueued = () => this.wake?.();

  constructor(
    private readonly deps: SenderDeps,
    opts: Partial<SenderOptions> & { globalRate: number },
  ) {
    this.k = outboxKeys(deps.prefix);
    this.opts = { ...DEFAULT_SENDER_OPTIONS, ...opts };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.deps.outbox?.events.on("enqueued", this.onEnqueued);
    this.running = this.loop();
  }

  /** Finishes the messages in flight, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.deps.outbox?.events.off("enqueued", this.onEnqueued);
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let waitMs = 0;
      try {
        const room = this.opts.maxInFlight - this.inFlight.size;
        if (room <= 0) {
          await Promise.race(this.inFlight);
          continue;
        }
        const { claimed, waitMs: hint } = await this.claim(room);
        for (const c of claimed) this.track(c);
        if (claimed.length === 0) waitMs = hint < 0 ? this.opts.idleMs : Math.min(Math.max(hint, 5), this.opts.idleMs);
      } catch (e) {
        this.deps.logger.error({ err: e }, "outbox claim failed");
        waitMs = 1_000;
      }
      await this.sleep(waitMs);
    }
    await Promise.all(this.inFlight);
  }

  /** Sends at the message's slot, without holding up the claiming of the next ones. */
  private track(c: Claimed): void {
    const p = new Promise<void>((resolve) => setTimeout(resolve, c.delayMs))
      .then(() => this.deliver(c))
      .catch((e: unknown) => this.deps.logger.error({ err: e, chatId: c.chatId }, "outbox delivery failed; the chat is retried after its lease"))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  private async claim(max: number): Promise<{ claimed: Claimed[]; waitMs: number }> {
    const res = (await this.deps.redis.eval(
      CLAIM,
      2,
      this.k.ready,
      this.k.rate,
      this.k.queuePrefix,
      max,
      this.opts.leaseMs,
      (1000 + JITTER_ALLOWANCE_MS) / this.opts.globalRate,
      this.opts.lookaheadMs,
    )) as Array<string | number>;
    const claimed: Claimed[] = [];
    for (let i = 1; i + 2 < res.length; i += 3) claimed.push({ chatId: Number(res[i]), raw: String(res[i + 1]), delayMs: Math.max(0, Number(res[i + 2])) });
    return { claimed, waitMs: Number(res[0]) };
  }

  private async deliver(c: Claimed): Promise<void> {
    let msg: QueuedMessage;
    try {
      msg = JSON.parse(c.raw) as QueuedMessage;
    } catch {
      // Only this module writes the lists; a broken entry is dropped rather than blocking its chat.
      this.deps.logger.error({ chatId: c.chatId }, "outbox: unreadable message dropped");
      await this.finish(c, "failed");
      return;
    }
    for (let wait = await this.permit(msg.id); wait > 0; wait = await this.permit(msg.id)) await new Promise((r) => setTimeout(r, wait));
    try {
      await this.send(c.chatId, msg);
    } catch (e) {
      await this.failed(c, msg, e);
      return;
    }
    await this.finish(c, "delivered");
    this.deps.metrics.notifications.inc({ outcome: "sent" });
  }

  private async permit(messageId: string): Promise<number> {
    return (await this.deps.redis.eval(PERMIT, 1, this.k.sent, this.opts.globalRate, `${messageId}:${randomUUID()}`, 1000 + JITTER_ALLOWANCE_MS)) as number;
  }

  private async send(chatId: number, msg: QueuedMessage): Promise<void> {
    const { api } = this.deps;
    // grammY types its signal after the abort-controller shim; Node's own one is what it uses at run time.
    const signal = AbortSignal.timeout(this.opts.sendTimeoutMs) as unknown as Parameters<SenderApi["sendMessage"]>[3];
    if (msg.copyFrom) {
      // The text, when there is one, replaces the copied message's caption.
      await api.copyMessage(chatId, msg.copyFrom.chatId, msg.copyFrom.messageId, {
        ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
        ...(msg.text !== "" && { caption: msg.text, ...(msg.parseMode && { parse_mode: msg.parseMode }) }),
      }, signal);
      return;
    }
    await api.sendMessage(chatId, msg.text, {
      ...(msg.parseMode && { parse_mode: msg.parseMode }),
      ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
    }, signal);
  }

  private async failed(c: Claimed, msg: QueuedMessage, e: unknown): Promise<void> {
    const { logger, metrics } = this.deps;
    const failure = classifySendError(e);
    switch (failure.kind) {
      case "retry_after":
        metrics.notifications.inc({ outcome: "retry" });
        logger.warn({ chatId: c.chatId, retryMs: failure.ms }, "outbox: 429, chat waits");
        await this.defer(c.chatId, failure.ms, false);
        return;
      case "blocked": {
        const dropped = (await this.deps.redis.eval(DROP_CHAT, 4, this.k.queue(c.chatId), this.k.ready, this.k.pending, this.k.attempts, String(c.chatId), this.k.tagPrefix)) as number;
        // Only a private chat's 403 is about a user; a group's is about the group.
        if (c.chatId > 0) await this.deps.users.setBlocked(c.chatId, true);
        if (dropped > 0) metrics.notifications.inc({ outcome: "blocked" }, dropped);
        logger.info({ chatId: c.chatId, dropped, description: failure.description }, "outbox: chat unreachable (403), its queue dropped");
        return;
      }
      case "rejected":
        metrics.notifications.inc({ outcome: "failed" });
        logger.error({ chatId: c.chatId, description: failure.description, tag: msg.tag }, "outbox: Telegram refused the message; dropped");
        await this.finish(c, "failed");
        return;
      case "transient": {
        const attempts = await this.defer(c.chatId, this.opts.retryDelayMs, true);
        if (attempts >= this.opts.maxAttempts) {
          metrics.notifications.inc({ outcome: "failed" });
          logger.error({ chatId: c.chatId, attempts, description: failure.description }, "outbox: message not sent after retries; dropped");
          await this.finish(c, "failed");
          return;
        }
        metrics.notifications.inc({ outcome: "retry" });
        logger.warn({ chatId: c.chatId, attempts, description: failure.description }, "outbox: send failed, will retry");
        return;
      }
    }
  }

  private async finish(c: Claimed, outcome: "delivered" | "failed"): Promise<void> {
    const spacing = c.chatId < 0 ? this.opts.groupChatMs : this.opts.perChatMs;
    await this.deps.redis.eval(FINISH, 4, this.k.queue(c.chatId), this.k.ready, this.k.pending, this.k.attempts, String(c.chatId), c.raw, outcome, spacing, this.k.tagPrefix);
  }

  /** Moves the chat's turn `ms` ahead; with `count`, counts a failed attempt (the wait doubles per attempt) and returns the count. */
  private async defer(chatId: number, ms: number, count: boolean): Promise<number> {
    return (await this.deps.redis.eval(DEFER, 2, this.k.ready, this.k.attempts, String(chatId), ms, count ? "1" : "0")) as number;
  }
}
