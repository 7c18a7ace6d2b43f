import { createHash, randomBytes } from "node:crypto";
import { keys } from "./keys.js";
import type { Redis } from "./redis.js";

/**
 * Back-office sign-in links and sessions. A link token and a session id are 256 random bits the
 * browser holds; Redis keeps only their SHA-256, so a copy of Redis opens nothing.
 */

/** A sign-in link is good for this long, once. */
export const SIGN_IN_TTL_S = 10 * 60;
/** A session ends after this long without a request. */
export const SESSION_IDLE_S = 30 * 60;
/** …and after this long in any case. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes in base64url: what a token or session id looks like. */
const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

const newSecret = () => randomBytes(32).toString("base64url");
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

const webKeys = (prefix: string) => keys(prefix).web;

export interface WebSession {
  adminId: number;
  /** the token every form of this session carries */
  csrf: string;
  createdAt: number;
}

export class WebSessionStore {
  private readonly k: ReturnType<typeof webKeys>;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.k = webKeys(prefix);
  }

  /** A new sign-in token bound to this admin; only its hash is stored. */
  async issueSignIn(adminId: number): Promise<string> {
    const token = newSecret();
    await this.redis.set(this.k.signIn(digest(token)), String(adminId), "EX", SIGN_IN_TTL_S);
    return token;
  }

  /** The admin a token is for, without using it up (the confirmation page). */
  async peekSignIn(token: string): Promise<number | null> {
    if (!SECRET_RE.test(token)) return null;
    const v = await this.redis.get(this.k.signIn(digest(token)));
    return v === null ? null : Number(v);
  }

  /** Uses the token up: of two requests with it at once, one gets the admin id. */
  async consumeSignIn(token: string): Promise<number | null> {
    if (!SECRET_RE.test(token)) return null;
    const v = await this.redis.getdel(this.k.signIn(digest(token)));
    return v === null ? null : Number(v);
  }

  /** Starts a session; the returned id goes into the cookie. */
  async createSession(adminId: number, now = Date.now()): Promise<{ id: string; session: WebSession }> {
    const id = newSecret();
    const session: WebSession = { adminId, csrf: newSecret(), createdAt: now };
    const key = this.k.session(digest(id));
    await this.redis
      .multi()
      .hset(key, { adminId: String(adminId), csrf: session.csrf, createdAt: String(now) })
      .expire(key, SESSION_IDLE_S)
      .exec();
    return { id, session };
  }

  /** The session behind a cookie, its idle expiry pushed back; null when ended, expired or forged. */
  async touchSession(id: string, now = Date.now()): Promise<WebSession | null> {
    if (!SECRET_RE.test(id)) return null;
    const key = this.k.session(digest(id));
    const [[, h]] = (await this.redis.pipeline().hgetall(key).expire(key, SESSION_IDLE_S).exec()) as [[null, Record<string, string>], unknown];
    if (!h.adminId || !h.csrf) return null;
    const session: WebSession = { adminId: Number(h.adminId), csrf: h.csrf, createdAt: Number(h.createdAt ?? 0) };
    if (now - session.createdAt > SESSION_MAX_MS) {
      await this.redis.del(key);
      return null;
    }
    return session;
  }

  async endSession(id: string): Promise<void> {
    if (SECRET_RE.test(id)) await this.redis.del(this.k.session(digest(id)));
  }

  /** Counts one sign-in attempt from `ip` in a fixed window; returns the count so far in it. */
  async countSignInAttempt(ip: string, windowMs: number, now = Date.now()): Promise<number> {
    const key = this.k.attempts(ip, Math.floor(now / windowMs));
    const [[, count]] = (await this.redis
      .pipeline()
      .incr(key)
      .pexpire(key, windowMs * 2)
      .exec()) as [[null, number], unknown];
    return count;
  }
}
