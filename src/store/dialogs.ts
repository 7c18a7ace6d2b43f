/**
 * The user's dialog under way outside the conversations plugin, one key per user: the top-up
 * dialog, the promo-code question or an admin's typed input. One key makes "one dialog at a time"
 * a property of the data (setting one replaces the other), and lets the arrival script read it
 * with everything else an update needs (userArrive.lua), so a text that answers no dialog costs
 * no command at all.
 */
import { RedisStore } from "./redis-store.js";

export const DIALOG_KINDS = ["topup", "promo", "admin"] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

export interface ActiveDialog {
  kind: DialogKind;
  /** what the dialog waits for, in its own format (the top-up step, the admin's pending input) */
  payload: string;
}

/** Stored as `<kind>:<payload>`; anything else (an older shape) is no dialog. */
export function parseDialog(raw: string | null | undefined): ActiveDialog | null {
  const at = raw ? raw.indexOf(":") : -1;
  if (!raw || at <= 0) return null;
  const kind = raw.slice(0, at);
  return (DIALOG_KINDS as readonly string[]).includes(kind) ? { kind: kind as DialogKind, payload: raw.slice(at + 1) } : null;
}

export class ActiveDialogs extends RedisStore {
  async get(userId: number): Promise<ActiveDialog | null> {
    return parseDialog(await this.redis.get(this.k.dialog(userId)));
  }

  /** Starts `dialog`; whichever was under way ends. It ends by itself after `ttlS`. */
  async set(userId: number, dialog: ActiveDialog, ttlS: number): Promise<void> {
    await this.redis.set(this.k.dialog(userId), `${dialog.kind}:${dialog.payload}`, "EX", ttlS);
  }

  /** Ends the dialog if it is of this kind; its payload, else null. Taking is the claim: of two answers at once, one gets it. */
  async take(userId: number, kind: DialogKind): Promise<string | null> {
    return parseDialog(await this.scripts.dialogTake({ dialog: this.k.dialog(userId) }, { kind }))?.payload ?? null;
  }

  /** Ends whichever dialog is under way; true when there was one. */
  async clear(userId: number): Promise<boolean> {
    return (await this.redis.del(this.k.dialog(userId))) > 0;
  }
}
