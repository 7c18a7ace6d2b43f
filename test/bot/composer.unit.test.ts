import { Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FeatureComposer } from "../../src/bot/composer.js";

const me = { id: 1, is_bot: true, first_name: "Bot", username: "bot" } as UserFromGetMe;
const chat = { id: 7, type: "private" as const, first_name: "U" };
const from = { id: 7, is_bot: false, first_name: "U" };
const text = (t: string): Update => ({
  update_id: 1,
  message: { message_id: 1, date: 0, chat, from, text: t, ...(t.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: t.split(" ")[0]!.length }] } : {}) },
});
const press = (data: string): Update => ({ update_id: 2, callback_query: { id: "q", from, chat_instance: "c", data } });

/** Runs the composer on one update; returns what the handlers recorded and whether the update fell through. */
async function run(composer: FeatureComposer<Context>, update: Update, seen: string[]): Promise<{ seen: string[]; passed: boolean }> {
  let passed = false;
  await composer.middleware()(new Context(update, new Api("0:x"), me), async () => {
    passed = true;
  });
  return { seen, passed };
}

describe("FeatureComposer: grammY's filters without a Composer built per update", () => {
  it("routes commands, texts, buttons and chat types as grammY does, and passes on what no handler takes", async () => {
    const seen: string[] = [];
    const c = new FeatureComposer<Context>();
    const privateChat = c.chatType("private");
    privateChat.command("start", (ctx) => void seen.push(`start:${ctx.match}`));
    privateChat.hears(/^hi/, () => void seen.push("hi"));
    c.callbackQuery(/^o:(\d+)$/, (ctx) => void seen.push(`o:${ctx.match[1]}`));
    c.on("message:text", async (_ctx, next) => {
      seen.push("text");
      await next();
    });

    expect(await run(c, text("/start ref_x"), seen)).toEqual({ seen: ["start:ref_x"], passed: false });
    seen.length = 0;
    expect(await run(c, text("hi there"), seen)).toEqual({ seen: ["hi"], passed: false });
    seen.length = 0;
    expect(await run(c, press("o:42"), seen)).toEqual({ seen: ["o:42"], passed: false });
    seen.length = 0;
    expect(await run(c, text("other"), seen)).toEqual({ seen: ["text"], passed: true });
    seen.length = 0;
    expect(await run(c, press("zz"), seen)).toEqual({ seen: [], passed: true });
  });

  it("runs handlers added to a filter's composer after the first update, and takes async predicates and arrays", async () => {
    const seen: string[] = [];
    const c = new FeatureComposer<Context>();
    const texts = c.on("message:text");
    expect((await run(c, text("a"), seen)).passed).toBe(true);
    texts.use(() => void seen.push("late"));
    expect(await run(c, text("a"), seen)).toEqual({ seen: ["late"], passed: false });

    const b = new FeatureComposer<Context>();
    b.branch(
      async (ctx) => ctx.message?.text === "yes",
      [(_ctx, next) => (seen.push("one"), next()), () => void seen.push("two")],
      () => void seen.push("no"),
    );
    seen.length = 0;
    await run(b, text("yes"), seen);
    await run(b, text("nope"), seen);
    expect(seen).toEqual(["one", "two", "no"]);
  });

  it("runs handlers in order around next, as grammY does, and refuses a second next", async () => {
    const seen: string[] = [];
    const c = new FeatureComposer<Context>();
    c.use(async (_ctx, next) => {
      seen.push("a>");
      await next();
      seen.push("<a");
    });
    c.use((_ctx, next) => (seen.push("b"), next()));
    c.use(async () => {
      await Promise.resolve();
      seen.push("c");
    });
    c.use(() => void seen.push("never"));
    expect(await run(c, text("x"), seen)).toEqual({ seen: ["a>", "b", "c", "<a"], passed: false });

    const twice = new FeatureComposer<Context>();
    twice.use(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(run(twice, text("x"), [])).rejects.toThrow("`next` already called before!");
  });
});
