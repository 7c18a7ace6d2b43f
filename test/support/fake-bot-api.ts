/**
 * An in-process fake of the Telegram Bot API for end-to-end tests and benchmarks.
 *
 * The bot under test keeps its real grammY HTTP client (`client: { apiRoot }`), so API transformers,
 * conversations (which build their own `Api` objects) and long polling all go through this server.
 * Everything lives in memory and answers synchronously, except a long-polling `getUpdates`.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: Record<string, any>;
}
export type ApiResponse = { ok: true; result: any } | ApiError;

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  at: number;
  /** what the fake answered; a held getUpdates is recorded on arrival and gets this once answered */
  response?: ApiResponse;
}

export interface BotMessage {
  message_id: number;
  /** the text, or the caption of a media message, as the bot sent it (HTML tags included) */
  text?: string;
  /** the markup as the bot sent it (reply keyboards included, which Telegram never echoes) */
  reply_markup?: Record<string, any>;
  parse_mode?: string;
  /** the method that produced the current state: sendMessage, editMessageText, copyMessage, … */
  method: string;
  /** the Message object as Telegram holds it (HTML parsed out of text/caption, inline keyboard only) */
  message: Record<string, any>;
}

export interface FakeBotApi {
  apiRoot: string;
  token: string;
  botInfo: { id: number; username: string };
  close(): Promise<void>;
  /** queue an update for getUpdates; update_id assigned automatically if missing */
  pushUpdate(update: Record<string, any>): number;
  /** removes and returns the queued updates, for driving `bot.handleUpdate` directly */
  takeUpdates(): Record<string, any>[];
  calls(method?: string): RecordedCall[];
  clearCalls(): void;
  /** resolves with the first call (already made or future) at index >= `since` matching the predicate; rejects after timeoutMs (default 5000) listing the last calls */
  waitForCall(pred: (c: RecordedCall) => boolean, opts?: { timeoutMs?: number; since?: number }): Promise<RecordedCall>;
  /** override the answer of a method: return {ok:false, error_code, description, parameters?} to fail, or a result; undefined falls through (to older responders, then the default) */
  respond(method: string, fn: (payload: Record<string, any>) => any): void;
  clearResponders(): void;
  /**
   * The next `count` calls of `method` are carried out (a message is delivered) but their answers
   * wait until `release()`: a client killed meanwhile never learns that Telegram took them.
   */
  holdAnswers(method: string, count: number): { release(): void };
  /**
   * watches getUpdates: `fn` is called when a poll arrives (its offset has just confirmed every
   * update below it) and again, with what it served, right after its answer was written. A test
   * kills the bot's process from here at the moment a batch is handed over or confirmed.
   */
  onGetUpdates(fn: (poll: { offset: number; served?: Record<string, any>[] }) => void): void;
  /** the bot's Stars transactions (getStarTransactions), oldest first; a Stars successfulPayment adds one */
  starTransactions: Record<string, any>[];
  /**
   * a channel the bot can be asked about (getChat, getChatMember), known by its id and @username;
   * the bot is an admin there unless `botStatus` says otherwise
   */
  addChannel(opts: { id: number; username?: string; title: string; inviteLink?: string; botStatus?: string }): void;
  /** a user's membership of a channel as getChatMember reports it ("left" until set) */
  setMember(chat: string | number, userId: number, status: string, extra?: Record<string, any>): void;
  /** a simulated user in a private chat; the same id gives the same user */
  user(opts?: { id?: number; firstName?: string; username?: string; languageCode?: string }): FakeUser;
}

export interface FakeUser {
  id: number;
  chatId: number;
  /** sends a text message update; a leading /command gets a bot_command entity. Returns the update id */
  send(text: string): number;
  /** sends a text as a reply to the bot's message `messageId` (as Telegram does after a force_reply) */
  reply(text: string, messageId: number): number;
  /** a photo; `mediaGroupId` makes it one file of an album (Telegram sends each as its own message) */
  sendPhoto(opts?: { caption?: string; mediaGroupId?: string }): number;
  sendDocument(opts?: { fileName?: string }): number;
  sendSticker(): number;
  /** presses an inline button: a callback_query with `data` on message `messageId` (default: the latest bot message in this chat with an inline keyboard) */
  press(data: string, messageId?: number): number;
  /** presses the button whose text contains `textPart` on the latest bot message having such a button; throws listing the buttons if none */
  pressButton(textPart: string): number;
  /** the bot's messages in this chat, in their current state, oldest first */
  messages(): BotMessage[];
  lastMessage(): BotMessage | undefined;
  /** waits for a message the bot sends or edits in this chat from call index `since` on (default: now) for which pred holds; returns it as that call left it */
  waitForMessage(pred?: (m: BotMessage) => boolean, opts?: { timeoutMs?: number; since?: number }): Promise<BotMessage>;
  /** the answerCallbackQuery calls made for this user's presses */
  callbackAnswers(): { text?: string; show_alert?: boolean }[];
  preCheckout(opts: { invoicePayload: string; currency: string; totalAmount: number; id?: string }): number;
  successfulPayment(opts: { invoicePayload: string; currency: string; totalAmount: number; telegramPaymentChargeId: string; providerPaymentChargeId?: string }): number;
  /** from now on every method to this chat answers 403, and a my_chat_member "kicked" update is queued */
  block(): void;
}

/** Long polls are held at most this long, so bot shutdown and test teardown stay quick. */
const MAX_POLL_HOLD_MS = 1000;

const HTML_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote"]);
const OPEN_TAG = /<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/y;
const CLOSE_TAG = /<\/([a-zA-Z][\w-]*)\s*>/y;
const HTML_ENTITY = /&(#\d+|#x[\da-f]+|lt|gt|amp|quot);/gi;
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Fields of which an inline button needs exactly one; a button with none is a "text button". */
const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

const MEDIA_FIELDS: Record<string, string> = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVideo: "video",
  sendAnimation: "animation",
  sendAudio: "audio",
  sendVoice: "voice",
  sendVideoNote: "video_note",
  sendSticker: "sticker",
};

/** Content fields carried over by copyMessage/forwardMessage. */
const CONTENT_FIELDS = ["text", "entities", "caption", "caption_entities", "photo", "document", "video", "animation", "audio", "voice", "video_note", "sticker", "location", "contact", "dice"];

const ok = (result: any): ApiResponse => ({ ok: true, result });
const fail = (error_code: number, description: string): ApiError => ({ ok: false, error_code, description });
const badRequest = (what: string): ApiError => fail(400, `Bad Request: ${what}`);
const isError = (v: unknown): v is ApiError => typeof v === "object" && v !== null && (v as { ok?: unknown }).ok === false;
const unixNow = (): number => Math.floor(Date.now() / 1000);
const isHtml = (parseMode: unknown): boolean => typeof parseMode === "string" && parseMode.toLowerCase() === "html";

function decodeEntities(s: string): string {
  return s.replace(HTML_ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED_ENTITIES[e.toLowerCase()] ?? "";
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Parses Telegram's HTML subset strictly enough to catch what Telegram rejects; returns the plain text. */
function parseHtml(src: string): string | ApiError {
  const stack: string[] = [];
  const broken = (at: number, what: string): ApiError => badRequest(`can't parse entities: ${what} at byte offset ${Buffer.byteLength(src.slice(0, at))}`);
  let plain = "";
  let i = 0;
  for (;;) {
    const lt = src.indexOf("<", i);
    plain += decodeEntities(src.slice(i, lt === -1 ? undefined : lt));
    if (lt === -1) break;
    CLOSE_TAG.lastIndex = lt;
    const close = CLOSE_TAG.exec(src);
    if (close) {
      const name = close[1]!.toLowerCase();
      const open = stack.pop();
      if (open === undefined) return broken(lt, `Unexpected end tag "${name}"`);
      if (open !== name) return broken(lt, `Can't find end tag corresponding to start tag "${open}"`);
      i = CLOSE_TAG.lastIndex;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const open = OPEN_TAG.exec(src);
    if (!open) return broken(lt, "Unclosed start tag");
    const name = open[1]!.toLowerCase();
    if (!HTML_TAGS.has(name)) return broken(lt, `Unsupported start tag "${name}"`);
    stack.push(name);
    i = OPEN_TAG.lastIndex;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) {
    return badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${unclosed}"`);
  }
  return plain;
}

/** Validates a text or caption as Telegram would and returns what the recipient sees. */
function renderText(raw: unknown, parseMode: unknown, kind: "text" | "caption"): string | ApiError {
  const src = raw === undefined || raw === null ? "" : String(raw);
  const plain = isHtml(parseMode) ? parseHtml(src) : src;
  if (isError(plain)) return plain;
  if (kind === "text") {
    if (plain.trim() === "") return badRequest("message text is empty");
    if (plain.length > 4096) return badRequest("message is too long");
  } else if (plain.length > 1024) {
    return badRequest("message caption is too long");
  }
  return plain;
}

function checkMarkup(markup: unknown): ApiError | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== "object") return badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r))) {
    return badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  for (const button of rows.flat() as Record<string, unknown>[]) {
    if (typeof button?.text !== "string") {
      return badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    }
    if (!BUTTON_ACTIONS.some((k) => button[k] !== undefined)) {
      return badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(String(button.callback_data));
      if (bytes < 1 || bytes > 64) return badRequest("BUTTON_DATA_INVALID");
    }
  }
  return undefined;
}

/** The part of a markup that Telegram keeps on a message: a non-empty inline keyboard. */
function inlineMarkup(markup: unknown): Record<string, any> | undefined {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
  return Array.isArray(rows) && rows.some((r) => r.length > 0) ? (markup as Record<string, any>) : undefined;
}

function buttonsOf(m: BotMessage): Record<string, any>[] {
  return ((inlineMarkup(m.message.reply_markup)?.inline_keyboard ?? []) as Record<string, any>[][]).flat();
}

function chatKey(chatId: unknown): number | undefined {
  if (typeof chatId === "number") return chatId;
  if (typeof chatId === "string" && /^-?\d+$/.test(chatId)) return Number(chatId);
  return undefined;
}

/** Form fields arrive as strings; grammY serialises objects and arrays in them as JSON. */
function formValue(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Reads the plain fields of a multipart body; file parts are skipped (the payload keeps their attach:// names). */
function parseMultipart(body: Buffer, boundary: string): Record<string, any> {
  const out: Record<string, any> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const name = /(?:^|;)\s*name="([^"]*)"/im.exec(headers)?.[1];
      if (name !== undefined && !/filename=/i.test(headers)) {
        out[name] = formValue(part.subarray(headerEnd + 4, part.length - 2).toString("utf8"));
      }
    }
    pos = next;
  }
  return out;
}

function parsePayload(contentType: string, body: Buffer, query: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(query)) out[k] = formValue(v);
  if (body.length === 0) return out;
  if (contentType.startsWith("application/json")) return { ...out, ...JSON.parse(body.toString("utf8")) };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (contentType.startsWith("multipart/form-data") && boundary) {
    return { ...out, ...parseMultipart(body, (boundary[1] ?? boundary[2])!) };
  }
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) out[k] = formValue(v);
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

function describeCall(c: RecordedCall): string {
  const outcome = c.response === undefined ? "pending" : c.response.ok ? "ok" : c.response.description;
  return `  ${c.method} ${JSON.stringify(c.payload).slice(0, 300)} -> ${outcome}`;
}

/**
 * A message in a chat. `message` is replaced on every edit, never mutated, so replies, queued
 * updates and snapshots share it without copying (callers treat what they get as read-only).
 */
interface StoredMessage {
  message: Record<string, any>;
  fromBot: boolean;
  method: string;
  rawText?: string;
  parseMode?: string;
  markup?: Record<string, any>;
}

interface ChatState {
  info: Record<string, any>;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  blocked: boolean;
}

interface CallWaiter {
  pred: (c: RecordedCall) => boolean;
  since: number;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Outcome {
  reply: ApiResponse;
  /** the chat and messages a successful send/edit produced, for waitForMessage */
  produced?: { chatId: number; messages: BotMessage[] };
}

function snapshot(s: StoredMessage): BotMessage {
  const m: BotMessage = {
    message_id: s.message.message_id,
    method: s.method,
    message: s.message,
  };
  const text = s.rawText ?? s.message.text ?? s.message.caption;
  if (text !== undefined) m.text = text;
  if (s.markup !== undefined) m.reply_markup = s.markup;
  if (s.parseMode !== undefined) m.parse_mode = s.parseMode;
  return m;
}

class FakeServer implements FakeBotApi {
  apiRoot = "";
  readonly token: string;
  readonly botInfo: { id: number; username: string };
  readonly botUser: Record<string, any>;
  readonly chats = new Map<number, ChatState>();
  /** callback query id -> id of the user who pressed */
  readonly queryOwners = new Map<string, number>();
  /** what each message-producing call left behind, keyed by the recorded call */
  readonly produced = new WeakMap<RecordedCall, NonNullable<Outcome["produced"]>>();
  readonly server: Server;
  private readonly recorded: RecordedCall[] = [];
  private readonly callWaiters = new Set<CallWaiter>();
  private readonly responders = new Map<string, ((payload: Record<string, any>) => any)[]>();
  private readonly holds: { method: string; left: number; released: Promise<void> }[] = [];
  private readonly users = new Map<number, FakeUserImpl>();
  private readonly pollWakers = new Set<() => void>();
  private readonly pollWatchers: ((poll: { offset: number; served?: Record<string, any>[] }) => void)[] = [];
  readonly starTransactions: Record<string, any>[] = [];
  /** channels by "@username" and by id (both point to the same entry) */
  private readonly channels = new Map<string, { info: Record<string, any>; members: Map<number, Record<string, any>> }>();
  private queue: Record<string, any>[] = [];
  private nextUpdateId = 1;
  private nextUserId = 100_000_001;
  private nextFileNo = 1;
  nextQueryNo = 1;

  constructor(token: string, botId: number, botUsername: string) {
    this.token = token;
    this.botInfo = { id: botId, username: botUsername };
    this.botUser = { id: botId, is_bot: true, first_name: "Test Bot", username: botUsername };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => sendJson(res, 500, fail(500, `Internal Server Error: ${String(e)}`)));
    });
    // Longer than any client's idle pooling, so a reused keep-alive socket is never closed under a request.
    this.server.keepAliveTimeout = 120_000;
  }

  close(): Promise<void> {
    for (const wake of this.pollWakers) wake();
    for (const w of this.callWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error("fake Bot API closed"));
    }
    this.callWaiters.clear();
    return new Promise((resolve, reject) => {
      this.server.close((e) => (e ? reject(e) : resolve()));
      this.server.closeAllConnections();
    });
  }

  pushUpdate(update: Record<string, any>): number {
    const id = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, id + 1);
    this.queue.push({ ...update, update_id: id });
    for (const wake of this.pollWakers) wake();
    return id;
  }

  takeUpdates(): Record<string, any>[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.recorded] : this.recorded.filter((c) => c.method === method);
  }

  clearCalls(): void {
    // Pending waiters count from the cleared list's start, as a fresh calls() would.
    for (const w of this.callWaiters) w.since = Math.max(0, w.since - this.recorded.length);
    this.recorded.length = 0;
  }

  waitForCall(pred: (c: RecordedCall) => boolean, opts: { timeoutMs?: number; since?: number } = {}): Promise<RecordedCall> {
    const since = opts.since ?? 0;
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      try {
        const found = this.recorded.slice(since).find(pred);
        if (found) return resolve(found);
      } catch (e) {
        return reject(e);
      }
      const waiter: CallWaiter = {
        pred,
        since,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.callWaiters.delete(waiter);
          const last = this.recorded.slice(-15).map(describeCall).join("\n");
          reject(new Error(`no matching Bot API call within ${timeoutMs} ms; last calls:\n${last || "  (none)"}`));
        }, timeoutMs),
      };
      this.callWaiters.add(waiter);
    });
  }

  respond(method: string, fn: (payload: Record<string, any>) => any): void {
    this.responders.set(method, [fn, ...(this.responders.get(method) ?? [])]);
  }

  clearResponders(): void {
    this.responders.clear();
  }

  holdAnswers(method: string, count: number): { release(): void } {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    this.holds.push({ method, left: count, released });
    return { release };
  }

  onGetUpdates(fn: (poll: { offset: number; served?: Record<string, any>[] }) => void): void {
    this.pollWatchers.push(fn);
  }

  addChannel(opts: { id: number; username?: string; title: string; inviteLink?: string; botStatus?: string }): void {
    const info: Record<string, any> = { id: opts.id, type: "channel", title: opts.title };
    if (opts.username) info.username = opts.username;
    if (opts.inviteLink) info.invite_link = opts.inviteLink;
    const entry = { info, members: new Map<number, Record<string, any>>() };
    entry.members.set(this.botInfo.id, { status: opts.botStatus ?? "administrator" });
    this.channels.set(String(opts.id), entry);
    if (opts.username) this.channels.set(`@${opts.username.toLowerCase()}`, entry);
  }

  setMember(chat: string | number, userId: number, status: string, extra: Record<string, any> = {}): void {
    const entry = this.channels.get(String(chat).toLowerCase());
    if (!entry) throw new Error(`no channel ${chat}: addChannel first`);
    entry.members.set(userId, { status, ...extra });
  }

  private channel(chat: unknown): { info: Record<string, any>; members: Map<number, Record<string, any>> } | undefined {
    return chat === undefined ? undefined : this.channels.get(String(chat).toLowerCase());
  }

  user(opts: { id?: number; firstName?: string; username?: string; languageCode?: string } = {}): FakeUser {
    const id = opts.id ?? this.nextUserId++;
    let user = this.users.get(id);
    if (!user) {
      user = new FakeUserImpl(this, id, opts);
      this.users.set(id, user);
    }
    return user;
  }

  chat(id: number): ChatState {
    let chat = this.chats.get(id);
    if (!chat) {
      const info = id > 0 ? { id, type: "private", first_name: "User" } : { id, type: "supergroup", title: "Group" };
      chat = { info, nextMessageId: 1, messages: new Map(), blocked: false };
      this.chats.set(id, chat);
    }
    return chat;
  }

  private record(call: RecordedCall): void {
    const index = this.recorded.push(call) - 1;
    for (const w of this.callWaiters) {
      if (index < w.since) continue;
      let hit: boolean;
      try {
        hit = w.pred(call);
      } catch (e) {
        hit = false;
        this.callWaiters.delete(w);
        clearTimeout(w.timer);
        w.reject(e as Error);
      }
      if (hit) {
        this.callWaiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/.exec(q === -1 ? url : url.slice(0, q));
    if (!path) return sendJson(res, 404, fail(404, "Not Found"));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = path[2]!;
    const call: RecordedCall = { method, payload: {}, at: Date.now() };
    let early: ApiError | undefined;
    try {
      call.payload = parsePayload(req.headers["content-type"] ?? "", Buffer.concat(chunks), q === -1 ? "" : url.slice(q + 1));
    } catch {
      early = badRequest("can't parse request body");
    }
    if (early === undefined && path[1] !== this.token) early = fail(401, "Unauthorized");
    if (early !== undefined) {
      call.response = early;
      this.record(call);
      return sendJson(res, early.error_code, early);
    }
    const override = this.override(method, call.payload);
    if (override === undefined && method === "getUpdates") {
      this.record(call);
      const offset = Number(call.payload.offset ?? 0);
      for (const watch of this.pollWatchers) watch({ offset });
      call.response = await this.getUpdates(call.payload, res);
      sendJson(res, 200, call.response);
      const served = call.response.ok ? (call.response.result as Record<string, any>[]) : [];
      for (const watch of this.pollWatchers) watch({ offset, served });
      return;
    }
    const outcome = override === undefined ? this.dispatch(method, call.payload) : { reply: override };
    const reply = outcome.reply;
    call.response = reply;
    if (outcome.produced) this.produced.set(call, outcome.produced);
    this.record(call);
    const hold = this.holds.find((h) => h.method === method && h.left > 0);
    if (hold) {
      hold.left--;
      await hold.released;
      if (res.destroyed) return;
    }
    sendJson(res, reply.ok ? 200 : reply.error_code, reply);
  }

  private async getUpdates(p: Record<string, any>, res: ServerResponse): Promise<ApiResponse> {
    const offset = Number(p.offset ?? 0);
    // An offset confirms every update below it, exactly as Telegram forgets them.
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100) || 100));
    const holdMs = Math.min(MAX_POLL_HOLD_MS, Math.max(0, Number(p.timeout ?? 0) * 1000));
    if (this.queue.length === 0 && holdMs > 0 && !res.destroyed) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.pollWakers.delete(wake);
          res.off("close", wake);
          resolve();
        };
        const timer = setTimeout(wake, holdMs);
        this.pollWakers.add(wake);
        // grammY and the runner abort the pending poll on stop; let go of it at once.
        res.once("close", wake);
      });
    }
    return ok(this.queue.slice(0, limit));
  }

  /** The answer of the newest responder that does not fall through, if any. */
  private override(method: string, p: Record<string, any>): ApiResponse | undefined {
    for (const fn of this.responders.get(method) ?? []) {
      const out = fn(p);
      if (out !== undefined) return isError(out) ? { ...out, error_code: out.error_code ?? 400 } : ok(out);
    }
    return undefined;
  }

  private dispatch(method: string, p: Record<string, any>): Outcome {
    const chatId = chatKey(p.chat_id);
    if (chatId !== undefined && this.chats.get(chatId)?.blocked) {
      return { reply: fail(403, "Forbidden: bot was blocked by the user") };
    }
    switch (method) {
      case "getMe":
        return {
          reply: ok({
            ...this.botUser,
            can_join_groups: true,
            can_read_all_group_messages: false,
            supports_inline_queries: false,
            can_connect_to_business: false,
            has_main_web_app: false,
          }),
        };
      case "deleteWebhook":
      case "setWebhook":
        if (p.drop_pending_updates === true || p.drop_pending_updates === "true") this.queue = [];
        return { reply: ok(true) };
      case "getStarTransactions": {
        const offset = Math.max(0, Number(p.offset ?? 0) || 0);
        const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100) || 100));
        return { reply: ok({ transactions: this.starTransactions.slice(offset, offset + limit) }) };
      }
      case "getChat": {
        const channel = this.channel(p.chat_id);
        return { reply: channel ? ok({ ...channel.info, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} }) : badRequest("chat not found") };
      }
      case "getChatMember": {
        const channel = this.channel(p.chat_id);
        if (!channel) return { reply: badRequest("chat not found") };
        const userId = Number(p.user_id);
        const member = channel.members.get(userId) ?? { status: "left" };
        const user = userId === this.botInfo.id ? this.botUser : { id: userId, is_bot: false, first_name: "User" };
        return { reply: ok({ ...member, user }) };
      }
      case "deleteMessage": {
        if (chatId !== undefined) this.chats.get(chatId)?.messages.delete(Number(p.message_id));
        return { reply: ok(true) };
      }
      case "sendMessage":
      case "sendInvoice":
      case "sendLocation":
      case "sendContact":
      case "sendDice":
        return this.send(method, p, chatId);
      case "sendMediaGroup":
        return this.sendMediaGroup(p, chatId);
      case "copyMessage":
      case "forwardMessage":
        return this.copy(method, p, chatId);
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup":
        return this.edit(method, p, chatId);
      default:
        return method in MEDIA_FIELDS ? this.send(method, p, chatId) : { reply: ok(true) };
    }
  }

  private targetChat(chatId: number | undefined, p: Record<string, any>): ChatState | ApiError {
    if (p.chat_id === undefined || p.chat_id === "") return badRequest("chat_id is empty");
    return chatId === undefined ? badRequest("chat not found") : this.chat(chatId);
  }

  private file(kind: string, sent: unknown): Record<string, any> {
    const n = this.nextFileNo++;
    // Resending by file_id keeps the id; uploads and URLs get a fresh one.
    const reused = typeof sent === "string" && !sent.startsWith("attach://") && !/^https?:\/\//.test(sent);
    return { file_id: reused ? sent : `fake-${kind}-${n}`, file_unique_id: `fake-unique-${n}` };
  }

  media(kind: string, sent?: unknown): unknown {
    const ref = this.file(kind, sent);
    switch (kind) {
      case "photo":
        return [
          { ...this.file(kind, undefined), width: 90, height: 90, file_size: 1_500 },
          { ...ref, width: 1280, height: 960, file_size: 120_000 },
        ];
      case "sticker":
        return { ...ref, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" };
      default:
        return { ...ref, file_size: 10_000 };
    }
  }

  private storeBotMessage(chat: ChatState, method: string, content: Record<string, any>, p: Record<string, any>, rawText: string | undefined): StoredMessage {
    const message: Record<string, any> = {
      message_id: chat.nextMessageId++,
      from: this.botUser,
      chat: chat.info,
      date: unixNow(),
      ...content,
    };
    const inline = inlineMarkup(p.reply_markup);
    if (inline) message.reply_markup = inline;
    const stored: StoredMessage = { message, fromBot: true, method };
    if (rawText !== undefined) stored.rawText = rawText;
    if (typeof p.parse_mode === "string") stored.parseMode = p.parse_mode;
    if (p.reply_markup !== undefined) stored.markup = p.reply_markup;
    chat.messages.set(message.message_id, stored);
    return stored;
  }

  /** Validates and renders an optional caption into `content`. */
  private caption(p: Record<string, any>, content: Record<string, any>): ApiError | undefined {
    if (p.caption === undefined || p.caption === "") return undefined;
    const caption = renderText(p.caption, p.parse_mode, "caption");
    if (isError(caption)) return caption;
    content.caption = caption;
    return undefined;
  }

  private send(method: string, p: Record<string, any>, chatId: number | undefined): Outcome {
    const chat = this.targetChat(chatId, p);
    if (isError(chat)) return { reply: chat };
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return { reply: markupError };
    const content: Record<string, any> = {};
    let rawText: string | undefined;
    switch (method) {
      case "sendMessage": {
        const text = renderText(p.text, p.parse_mode, "text");
        if (isError(text)) return { reply: text };
        content.text = text;
        rawText = String(p.text);
        break;
      }
      case "sendInvoice": {
        const prices = Array.isArray(p.prices) ? (p.prices as { amount?: unknown }[]) : [];
        content.invoice = {
          title: p.title,
          description: p.description,
          start_parameter: p.start_parameter ?? "",
          currency: p.currency,
          total_amount: prices.reduce((sum, price) => sum + Number(price.amount ?? 0), 0),
        };
        break;
      }
      case "sendLocation":
        content.location = { latitude: Number(p.latitude), longitude: Number(p.longitude) };
        break;
      case "sendContact":
        content.contact = { phone_number: p.phone_number, first_name: p.first_name };
        break;
      case "sendDice":
        content.dice = { emoji: p.emoji ?? "🎲", value: 1 };
        break;
      default: {
        const field = MEDIA_FIELDS[method]!;
        content[field] = this.media(field, p[field]);
        const error = this.caption(p, content);
        if (error) return { reply: error };
        if (content.caption !== undefined) rawText = String(p.caption);
      }
    }
    const stored = this.storeBotMessage(chat, method, content, p, rawText);
    return { reply: ok(stored.message), produced: { chatId: chat.info.id, messages: [snapshot(stored)] } };
  }

  private sendMediaGroup(p: Record<string, any>, chatId: number | undefined): Outcome {
    const chat = this.targetChat(chatId, p);
    if (isError(chat)) return { reply: chat };
    const items = Array.isArray(p.media) ? (p.media as Record<string, any>[]) : [];
    if (items.length < 2 || items.length > 10) return { reply: badRequest("wrong number of media in the album") };
    const contents: { content: Record<string, any>; item: Record<string, any> }[] = [];
    for (const item of items) {
      const content: Record<string, any> = { [item.type]: this.media(String(item.type), item.media) };
      const error = this.caption(item, content);
      if (error) return { reply: error };
      contents.push({ content, item });
    }
    const groupId = String(this.nextFileNo++);
    const stored = contents.map(({ content, item }) =>
      this.storeBotMessage(chat, "sendMediaGroup", { ...content, media_group_id: groupId }, item, content.caption === undefined ? undefined : String(item.caption)),
    );
    return {
      reply: ok(stored.map((s) => s.message)),
      produced: { chatId: chat.info.id, messages: stored.map(snapshot) },
    };
  }

  private copy(method: string, p: Record<string, any>, chatId: number | undefined): Outcome {
    const chat = this.targetChat(chatId, p);
    if (isError(chat)) return { reply: chat };
    const fromChat = chatKey(p.from_chat_id);
    const source = fromChat === undefined ? undefined : this.chats.get(fromChat)?.messages.get(Number(p.message_id));
    if (!source) return { reply: badRequest(`message to ${method === "copyMessage" ? "copy" : "forward"} not found`) };
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return { reply: markupError };
    const content: Record<string, any> = {};
    for (const field of CONTENT_FIELDS) {
      if (source.message[field] !== undefined) content[field] = source.message[field];
    }
    let rawText = source.rawText;
    if (method === "forwardMessage") {
      content.forward_origin = { type: "user", sender_user: source.message.from, date: source.message.date };
    } else if (p.caption !== undefined) {
      delete content.caption;
      const error = this.caption(p, content);
      if (error) return { reply: error };
      rawText = content.caption === undefined ? undefined : String(p.caption);
    }
    const stored = this.storeBotMessage(chat, method, content, p, rawText);
    if (method === "copyMessage" && p.parse_mode === undefined && source.parseMode !== undefined) {
      stored.parseMode = source.parseMode;
    }
    const result = method === "copyMessage" ? { message_id: stored.message.message_id } : stored.message;
    return { reply: ok(result), produced: { chatId: chat.info.id, messages: [snapshot(stored)] } };
  }

  private edit(method: string, p: Record<string, any>, chatId: number | undefined): Outcome {
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return { reply: markupError };
    // Inline-mode messages are not tracked; Telegram answers true for them.
    if (p.inline_message_id !== undefined) return { reply: ok(true) };
    const stored = chatId === undefined ? undefined : this.chats.get(chatId)?.messages.get(Number(p.message_id));
    if (!stored) return { reply: badRequest("message to edit not found") };
    if (!stored.fromBot) return { reply: badRequest("message can't be edited") };
    const isText = stored.message.text !== undefined;
    // Copies of user messages carry no raw text of the bot's; their visible text is what counts.
    const current: string | undefined = stored.rawText ?? (isText ? stored.message.text : stored.message.caption);
    let next: { rawText?: string; parseMode?: string; rendered?: string } = {
      rawText: current,
      parseMode: stored.parseMode,
    };
    if (method === "editMessageText") {
      if (!isText) return { reply: badRequest("there is no text in the message to edit") };
      const text = renderText(p.text, p.parse_mode, "text");
      if (isError(text)) return { reply: text };
      next = { rawText: String(p.text), parseMode: p.parse_mode, rendered: text };
    } else if (method === "editMessageCaption") {
      if (isText) return { reply: badRequest("there is no caption in the message to edit") };
      const content: Record<string, any> = {};
      const error = this.caption(p, content);
      if (error) return { reply: error };
      next = {
        rawText: content.caption === undefined ? undefined : String(p.caption),
        parseMode: p.parse_mode,
        rendered: content.caption,
      };
    }
    const markup = inlineMarkup(p.reply_markup);
    const sameText = next.rawText === current && isHtml(next.parseMode) === isHtml(stored.parseMode);
    if (sameText && JSON.stringify(markup) === JSON.stringify(inlineMarkup(stored.message.reply_markup))) {
      return {
        reply: badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"),
      };
    }
    const message: Record<string, any> = { ...stored.message, edit_date: unixNow() };
    if (method !== "editMessageReplyMarkup") {
      const field = isText ? "text" : "caption";
      if (next.rendered === undefined) delete message[field];
      else message[field] = next.rendered;
      delete message[isText ? "entities" : "caption_entities"];
      if (next.rawText === undefined) delete stored.rawText;
      else stored.rawText = next.rawText;
      if (next.parseMode === undefined) delete stored.parseMode;
      else stored.parseMode = next.parseMode;
    }
    // Telegram drops the inline keyboard of an edit that does not repeat it.
    if (markup) {
      message.reply_markup = markup;
      stored.markup = markup;
    } else {
      delete message.reply_markup;
      delete stored.markup;
    }
    stored.message = message;
    stored.method = method;
    return { reply: ok(message), produced: { chatId: chatId!, messages: [snapshot(stored)] } };
  }
}

class FakeUserImpl implements FakeUser {
  readonly id: number;
  readonly chatId: number;
  private readonly api: FakeServer;
  private readonly from: Record<string, any>;

  constructor(api: FakeServer, id: number, opts: { firstName?: string; username?: string; languageCode?: string }) {
    this.api = api;
    this.id = id;
    this.chatId = id;
    this.from = { id, is_bot: false, first_name: opts.firstName ?? `User${id}` };
    if (opts.username !== undefined) this.from.username = opts.username;
    if (opts.languageCode !== undefined) this.from.language_code = opts.languageCode;
    const chat = api.chat(id);
    chat.info = { id, type: "private", first_name: this.from.first_name };
    if (opts.username !== undefined) chat.info.username = opts.username;
  }

  private pushMessage(content: Record<string, any>): number {
    const chat = this.api.chat(this.chatId);
    const message = { message_id: chat.nextMessageId++, from: this.from, chat: chat.info, date: unixNow(), ...content };
    // Kept so the bot can copy or forward what users sent.
    chat.messages.set(message.message_id, { message, fromBot: false, method: "user" });
    return this.api.pushUpdate({ message });
  }

  send(text: string): number {
    const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
    const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
    return this.pushMessage(entities ? { text, entities } : { text });
  }

  reply(text: string, messageId: number): number {
    const replied = this.api.chat(this.chatId).messages.get(messageId);
    if (!replied) throw new Error(`no message ${messageId} in chat ${this.chatId} to reply to`);
    return this.pushMessage({ text, reply_to_message: replied.message });
  }

  sendPhoto(opts: { caption?: string; mediaGroupId?: string } = {}): number {
    const content: Record<string, any> = { photo: this.api.media("photo") };
    if (opts.caption !== undefined) content.caption = opts.caption;
    if (opts.mediaGroupId !== undefined) content.media_group_id = opts.mediaGroupId;
    return this.pushMessage(content);
  }

  sendDocument(opts: { fileName?: string } = {}): number {
    const document = {
      ...(this.api.media("document") as Record<string, any>),
      file_name: opts.fileName ?? "document.pdf",
      mime_type: "application/octet-stream",
    };
    return this.pushMessage({ document });
  }

  sendSticker(): number {
    return this.pushMessage({ sticker: this.api.media("sticker") });
  }

  press(data: string, messageId?: number): number {
    const chat = this.api.chat(this.chatId);
    const targetId = messageId ?? this.keyboardMessages()[0]?.message_id;
    if (targetId === undefined) throw new Error(`no bot message with an inline keyboard in chat ${this.chatId}`);
    // A message Telegram no longer has is delivered as an InaccessibleMessage (date 0).
    const message = chat.messages.get(targetId)?.message ?? { chat: chat.info, message_id: targetId, date: 0 };
    const id = `cq${this.api.nextQueryNo++}`;
    this.api.queryOwners.set(id, this.id);
    return this.api.pushUpdate({
      callback_query: { id, from: this.from, message, chat_instance: `ci${this.chatId}`, data },
    });
  }

  pressButton(textPart: string): number {
    const withKeyboards = this.keyboardMessages();
    for (const m of withKeyboards) {
      const button = buttonsOf(m).find((b) => String(b.text).includes(textPart));
      if (!button) continue;
      if (button.callback_data === undefined) throw new Error(`button "${button.text}" has no callback_data`);
      return this.press(String(button.callback_data), m.message_id);
    }
    const listing = withKeyboards
      .slice(0, 3)
      .map(
        (m) =>
          `  message ${m.message_id}: ${buttonsOf(m)
            .map((b) => JSON.stringify(b.text))
            .join(", ")}`,
      )
      .join("\n");
    throw new Error(`no inline button containing ${JSON.stringify(textPart)}; latest keyboards:\n${listing || "  (none)"}`);
  }

  /** Bot messages with an inline keyboard, newest first. */
  private keyboardMessages(): BotMessage[] {
    return this.messages()
      .filter((m) => buttonsOf(m).length > 0)
      .reverse();
  }

  messages(): BotMessage[] {
    const stored = [...this.api.chat(this.chatId).messages.values()].filter((s) => s.fromBot);
    return stored.sort((a, b) => a.message.message_id - b.message.message_id).map(snapshot);
  }

  lastMessage(): BotMessage | undefined {
    return this.messages().at(-1);
  }

  async waitForMessage(pred: (m: BotMessage) => boolean = () => true, opts: { timeoutMs?: number; since?: number } = {}): Promise<BotMessage> {
    let found: BotMessage | undefined;
    const matches = (c: RecordedCall): boolean => {
      const produced = this.api.produced.get(c);
      if (produced?.chatId !== this.chatId) return false;
      found = produced.messages.find(pred);
      return found !== undefined;
    };
    const since = opts.since ?? this.api.calls().length;
    await this.api.waitForCall(matches, { since, ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) });
    // The matching call is the last one `matches` looked at, so `found` is its message.
    return found!;
  }

  callbackAnswers(): { text?: string; show_alert?: boolean }[] {
    return this.api
      .calls("answerCallbackQuery")
      .filter((c) => this.api.queryOwners.get(String(c.payload.callback_query_id)) === this.id)
      .map((c) => {
        const answer: { text?: string; show_alert?: boolean } = {};
        if (c.payload.text !== undefined) answer.text = c.payload.text;
        if (c.payload.show_alert !== undefined) answer.show_alert = c.payload.show_alert;
        return answer;
      });
  }

  preCheckout(opts: { invoicePayload: string; currency: string; totalAmount: number; id?: string }): number {
    return this.api.pushUpdate({
      pre_checkout_query: {
        id: opts.id ?? `pcq${this.api.nextQueryNo++}`,
        from: this.from,
        currency: opts.currency,
        total_amount: opts.totalAmount,
        invoice_payload: opts.invoicePayload,
      },
    });
  }

  successfulPayment(opts: { invoicePayload: string; currency: string; totalAmount: number; telegramPaymentChargeId: string; providerPaymentChargeId?: string }): number {
    // Telegram books a Stars payment whether or not its update ever reaches the bot.
    if (opts.currency === "XTR") {
      this.api.starTransactions.push({
        id: opts.telegramPaymentChargeId,
        amount: opts.totalAmount,
        date: unixNow(),
        source: { type: "user", transaction_type: "invoice_payment", user: this.from, invoice_payload: opts.invoicePayload },
      });
    }
    return this.pushMessage({
      successful_payment: {
        currency: opts.currency,
        total_amount: opts.totalAmount,
        invoice_payload: opts.invoicePayload,
        telegram_payment_charge_id: opts.telegramPaymentChargeId,
        provider_payment_charge_id: opts.providerPaymentChargeId ?? "",
      },
    });
  }

  block(): void {
    const chat = this.api.chat(this.chatId);
    chat.blocked = true;
    this.api.pushUpdate({
      my_chat_member: {
        chat: chat.info,
        from: this.from,
        date: unixNow(),
        old_chat_member: { user: this.api.botUser, status: "member" },
        new_chat_member: { user: this.api.botUser, status: "kicked", until_date: 0 },
      },
    });
  }
}

export async function startFakeBotApi(opts: { port?: number; token?: string; botId?: number; botUsername?: string } = {}): Promise<FakeBotApi> {
  const token = opts.token ?? "123456:TEST-TOKEN";
  const botId = opts.botId ?? (Number(token.split(":")[0]) || 123456);
  const api = new FakeServer(token, botId, opts.botUsername ?? "panelbot_test_bot");
  await new Promise<void>((resolve, reject) => {
    api.server.once("error", reject);
    api.server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  api.apiRoot = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  return api;
}
