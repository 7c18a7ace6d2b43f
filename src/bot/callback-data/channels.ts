/** Callback data of the required channels' prompt (features/required-channels.ts). */
import { anyDataOf, createCallbackData } from "./define.js";

export const channelsData = {
  /** "✅ I have joined": check again, past the cache */
  recheck: createCallbackData("jc"),
};

export const anyChannelsData = anyDataOf(...Object.values(channelsData));
