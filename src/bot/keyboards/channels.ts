import { InlineKeyboard } from "grammy";
import type { RequiredChannel } from "../../services/required-channels.js";
import { truncate } from "../../text/html.js";
import { channelsData } from "../callback-data/channels.js";

const BUTTON_NAME_MAX = 48;

/** One URL button per channel still to join (a private one without a link the bot can see has none), then the re-check. */
export function joinChannelsKeyboard(missing: readonly RequiredChannel[], joinedLabel: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const channel of missing) if (channel.url) keyboard.url(`📢 ${truncate(channel.title, BUTTON_NAME_MAX)}`, channel.url).row();
  return keyboard.text(joinedLabel, channelsData.recheck.pack());
}
