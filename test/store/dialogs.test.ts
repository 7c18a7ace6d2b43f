import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActiveDialogs } from "../../src/store/dialogs.js";
import { keys } from "../../src/store/keys.js";
import { UserStore } from "../../src/store/users.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("ActiveDialogs: one dialog per user under one key", () => {
  let r: TestRedis;
  let dialogs: ActiveDialogs;
  beforeAll(async () => {
    r = await testRedis("dialogs");
    dialogs = new ActiveDialogs(r.redis, r.prefix);
  });
  afterAll(async () => r.cleanup());

  it("starting one dialog ends the other; the arrival reads it with the user", async () => {
    await dialogs.set(1, { kind: "topup", payload: '{"step":"amount","method":"manual"}' }, 60);
    await dialogs.set(1, { kind: "promo", payload: "" }, 60);
    expect(await dialogs.get(1)).toEqual({ kind: "promo", payload: "" });
    const arrived = await new UserStore(r.redis, r.prefix).arrive({ id: 1, chatId: 1 }, { record: true });
    expect(arrived.dialog).toEqual({ kind: "promo", payload: "" });
    expect(await dialogs.take(1, "topup")).toBeNull();
    expect(await dialogs.get(1)).not.toBeNull();
  });

  it("of ten answers at once, one takes the dialog", async () => {
    await dialogs.set(2, { kind: "admin", payload: '{"what":"name"}' }, 60);
    const taken = await Promise.all(Array.from({ length: 10 }, () => dialogs.take(2, "admin")));
    expect(taken.filter((t) => t !== null)).toEqual(['{"what":"name"}']);
    expect(await dialogs.get(2)).toBeNull();
    expect(await dialogs.clear(2)).toBe(false);
  });

  it("a value of another shape is no dialog, and the dialog ends by itself", async () => {
    await r.redis.set(keys(r.prefix).dialog(3), "garbage");
    expect(await dialogs.get(3)).toBeNull();
    expect(await dialogs.take(3, "promo")).toBeNull();
    await dialogs.set(4, { kind: "promo", payload: "" }, 60);
    expect(await r.redis.ttl(keys(r.prefix).dialog(4))).toBeGreaterThan(50);
  });
});
