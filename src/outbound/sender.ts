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
  /** network errors and 5xx: tries of one message before it is dropped */
  maxAttempts: number;
  /** first wait after a network error or 5xx; doubles per attempt */
  retryDelayMs: number;
  /** longest sleep when there is nothing to send (other processes' messages are seen this late) */
  idleMs: number;
}

export const DEFAULT_SENDER_OPTIONS: Omit<SenderOptions, "globalRate"> = {
  perChatMs: 1_000,
  groupChatMs: 3_000,
  leaseMs: 60_000,
  maxAttempts: 8,
  retryDelayMs: 2_000,
  idleMs: 250,
};

/** A burst of a fifth of a second's worth on top of the rate: at most rate × 1.2 in any second. */
export const burstFor = (rate: number): number => Math.max(1, Math.floor(rate / 5));

// Takes up to ARGV[2] chats whose time has come, as many as the shared rate limit (GCRA over
// Redis' own clock, so every process agrees) allows now, and leases them to the caller. Chats
// whose list is empty leave the ready set here. Returns {wait hint ms, chat, head, chat, head…};
// the hint is -1 when nothing is queued at all.
const CLAIM = `
local ready, rate, qprefix = KEYS[1], KEYS[2], ARGV[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval, burst, max = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', rate) or '0')
if tat < now then tat = now end
local allowed = math.floor((now + burst * interval - tat) / interval)
if allowed <= 0 then return {math.ceil(tat - burst * interval + interval - now)} end
if allowed > max then allowed = max end
local out = {0}
local taken = 0
for _, chat in ipairs(redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, allowed + 20)) do
  if taken >= allowed then break end
  local head = redis.call('LINDEX', qprefix .. chat, 0)
  if head then
    redis.call('ZADD', ready, now + tonumber(ARGV[3]), chat)
    out[#out + 1] = chat
    out[#out + 1] = head
    taken = taken + 1
  else
    redis.call('ZREM', ready, chat)
  end
end
if taken > 0 then
  redis.call('SET', rate, string.format('%.3f', tat + taken * interval), 'PX', 60000)
else
  local nxt = redis.call('ZRANGE', ready, 0, 0, 'WITHSCORES')
  out[1] = nxt[2] and math.max(0, tonumber(nxt[2]) - now) or -1
end
return out
`;

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
}

/**
 * Drains the outbound queue within Telegram's limits: a global rate shared by all processes
 * through Redis, one message a second per chat (a chat is leased to one process at a time, so
 * its messages go in order), 429 waits for that chat only, 403 ends a chat's queue and marks
 * the user blocked, a 400 drops the message. Nothing is lost on a crash: a message leaves its
 * list only after Telegram took it (so a crash right after sending may repeat one message).
 */
export class OutboxSender {
  private readonly k: OutboxKeys;
  private readonly opts: SenderOptions;
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

  /** One claim-and-send step; returns how many messages were attempted and how long to wait if none. */
  async step(): Promise<{ attempted: number; waitMs: number }> {
    const { claimed, waitMs } = await this.claim();
    await Promise.all(claimed.map((c) => this.deliver(c)));
    return { attempted: claimed.length, waitMs };
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let waitMs: number;
      try {
        const step = await this.step();
        if (step.attempted > 0) continue;
        waitMs = step.waitMs < 0 ? this.opts.idleMs : Math.min(Math.max(step.waitMs, 5), this.opts.idleMs);
      } catch (e) {
        this.deps.logger.error({ err: e }, "outbox step failed");
        waitMs = 1_000;
      }
      await this.sleep(waitMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
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

  private async claim(): Promise<{ claimed: Claimed[]; waitMs: number }> {
    const interval = 1000 / this.opts.globalRate;
    const res = (await this.deps.redis.eval(
      CLAIM,
      2,
      this.k.ready,
      this.k.rate,
      this.k.queuePrefix,
      this.opts.globalRate,
      this.opts.leaseMs,
      interval,
      burstFor(this.opts.globalRate),
    )) as Array<string | number>;
    const claimed: Claimed[] = [];
    for (let i = 1; i + 1 < res.length; i += 2) claimed.push({ chatId: Number(res[i]), raw: String(res[i + 1]) });
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
    try {
      await this.send(c.chatId, msg);
    } catch (e) {
      await this.failed(c, msg, e);
      return;
    }
    await this.finish(c, "delivered");
    this.deps.metrics.notifications.inc({ outcome: "sent" });
  }

  private async send(chatId: number, msg: QueuedMessage): Promise<void> {
    const { api } = this.deps;
    if (msg.copyFrom) {
      // The text, when there is one, replaces the copied message's caption.
      await api.copyMessage(chatId, msg.copyFrom.chatId, msg.copyFrom.messageId, {
        ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
        ...(msg.text !== "" && { caption: msg.text, ...(msg.parseMode && { parse_mode: msg.parseMode }) }),
      });
      return;
    }
    await api.sendMessage(chatId, msg.text, {
      ...(msg.parseMode && { parse_mode: msg.parseMode }),
      ...(msg.replyMarkup && { reply_markup: msg.replyMarkup }),
    });
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
