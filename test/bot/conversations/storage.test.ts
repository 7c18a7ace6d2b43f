import type { VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrivedWith, conversationStorage } from "../../../src/bot/conversations/storage.js";
import { ConversationStates } from "../../../src/store/conversations.js";
import { UserStore } from "../../../src/store/users.js";
import { testRedis, type TestRedis } from "../../support/redis.js";

const chatCtx = (chatId: number) => ({ chatId }) as unknown as Context;

describe("the conversations plugin's storage takes the state the arrival read", () => {
  let r: TestRedis;
  let states: ConversationStates;
  beforeAll(async () => {
    r = await testRedis("conv-storage");
    states = new ConversationStates(r.redis, r.prefix);
  });
  afterAll(async () => r.cleanup());

  it("reads the handed-over state once, then Redis; writes and deletes go to Redis", async () => {
    const storage = conversationStorage<Context, string>(states, 1);
    const stored: VersionedState<string> = { version: [0, 1], state: "in Redis" };
    await states.write(5, stored);
    const arrival = await new UserStore(r.redis, r.prefix).arrive({ id: 5, chatId: 5 }, { record: true });
    expect(ConversationStates.parse(arrival.conversation)).toEqual(stored);

    const ctx = chatCtx(5);
    arrivedWith(ctx, JSON.stringify({ version: [0, 1], state: "handed over" }));
    expect(await storage.adapter.read(ctx)).toEqual({ version: [0, 1], state: "handed over" });
    expect(await storage.adapter.read(ctx)).toEqual(stored);

    arrivedWith(ctx, null);
    await storage.adapter.write(ctx, { version: [0, 1], state: "written" });
    expect(await storage.adapter.read(ctx)).toEqual({ version: [0, 1], state: "written" });
    await storage.adapter.delete(ctx);
    expect(await states.read(5)).toBeUndefined();
    arrivedWith(ctx, null);
    expect(await storage.adapter.read(ctx)).toBeUndefined();
    expect(await storage.adapter.read(chatCtx(undefined as unknown as number))).toBeUndefined();
  });
});
