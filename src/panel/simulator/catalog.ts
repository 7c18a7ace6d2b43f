import { z } from "zod";
import { rng } from "./random.js";

/** One service as the simulator keeps it; numbers stay decimal strings so nothing is lost to floats. */
export interface SimService {
  service: string;
  name: string;
  type: string;
  category: string;
  rate: string;
  min: string;
  max: string;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  desc?: string;
}

// Names carry <, &, _, *, [ on purpose: they break naive Telegram HTML/Markdown escaping.
const CATEGORY_NAMES = [
  "Instagram Followers",
  "Telegram Members [Real]",
  "YouTube Views <HQ> & Fast",
  "TikTok Followers *Premium*",
  "Telegram Post_Views",
  "Instagram Likes [Real]",
  "Twitter/X Likes & Retweets",
  "Facebook Page Likes",
  "Instagram Comments",
  "Telegram Reactions <New>",
  "YouTube Subscribers_No Drop",
  "Spotify Plays [Premium]",
];

const NAME_SUFFIXES = ["[Max 100K]", "<Real> & Fast", "| 30 Days Refill ♻️", "*Instant*", "[No Refill] _cheap_", "~ HQ [Start 0-1h]"];

const DESCRIPTIONS = ["Start: 0-1h\nSpeed: 10K/day\nRefill: 30 days", "<b>No drop</b> & guaranteed\nLink: https://t.me/channel_name", "Real accounts_only *with* avatars [mixed countries]"];

/** Position in a repeating block of 20 decides the type, so every catalog of 20+ services has each type. */
function typeAt(i: number): string {
  const k = i % 20;
  if (k === 3 || k === 13) return "Package";
  if (k === 6 || k === 16) return "Custom Comments";
  if (k === 9) return "Mentions with Hashtags";
  if (k === 19) return "Subscriptions";
  return "Default";
}

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

function rateFor(r: () => number, type: string): string {
  if (type === "Package") return String(1 + Math.floor(r() * 40));
  if (type === "Custom Comments") return pick(r, ["8", "12.5", "25"]);
  const style = r();
  if (style < 0.35) return ((1 + Math.floor(r() * 500)) / 100).toFixed(2);
  if (style < 0.7) return ((1 + Math.floor(r() * 50000)) / 10000).toFixed(4);
  return String(1 + Math.floor(r() * 30));
}

function limitsFor(r: () => number, type: string): [string, string] {
  switch (type) {
    case "Package":
      return ["1", "1"];
    case "Custom Comments":
      return [pick(r, ["5", "10"]), pick(r, ["1000", "1500"])];
    case "Subscriptions":
      return ["50", "5000"];
    default:
      return [pick(r, ["10", "20", "50", "100"]), pick(r, ["1000", "5000", "10000", "50000", "100000"])];
  }
}

/**
 * A deterministic catalog shaped like a real panel's. The first two services are fixed so tests can
 * rely on them for any seed: 0 is Default with refill, cancel and drip-feed; 1 is Default with none.
 * With `dripfeed: false` the same catalog has no drip-feed anywhere (the dialog then asks no runs).
 */
export function generateCatalog(opts: { services?: number; categories?: number; seed?: number; /** false: no service offers drip-feed */ dripfeed?: boolean }): SimService[] {
  const count = opts.services ?? 40;
  const categories = Math.max(1, Math.min(opts.categories ?? 8, count));
  const r = rng(opts.seed ?? 1);
  let id = 100 + Math.floor(r() * 900);
  const out: SimService[] = [];
  for (let i = 0; i < count; i++) {
    const c = Math.floor((i * categories) / count);
    const round = Math.floor(c / CATEGORY_NAMES.length);
    const category = `${CATEGORY_NAMES[c % CATEGORY_NAMES.length]}${round ? ` ${round + 1}` : ""}`;
    const type = typeAt(i);
    const [min, max] = limitsFor(r, type);
    const svc: SimService = {
      service: String(id),
      name: `${category.replace(/ \d+$/, "")} ${pick(r, NAME_SUFFIXES)}`,
      type,
      category,
      rate: rateFor(r, type),
      min,
      max,
      refill: i === 0 || (i !== 1 && r() < 0.5),
      cancel: i === 0 || (i !== 1 && r() < 0.5),
      dripfeed: type === "Default" && (i === 0 || (i !== 1 && r() < 0.4)) && opts.dripfeed !== false,
    };
    if (r() < 0.3) svc.desc = pick(r, DESCRIPTIONS);
    out.push(svc);
    id += 1 + Math.floor(r() * 5);
  }
  return out;
}

const num = z.union([z.number(), z.string()]).transform((v) => String(v).trim());
const bool = z
  .union([z.boolean(), z.number(), z.string()])
  .optional()
  .transform((v) => v === true || v === 1 || v === "1" || v === "true");

const panelService = z.object({
  service: num,
  name: z.string(),
  type: z.string().default("Default"),
  category: z.string().default(""),
  rate: num,
  min: num,
  max: num,
  refill: bool,
  cancel: bool,
  dripfeed: bool,
  desc: z.string().optional(),
  description: z.string().optional(),
});

/** Accepts a `services` answer in panel format (array, or `{services: [...]}`), numbers/booleans in any of their real shapes. */
export function parseCatalog(raw: unknown): SimService[] {
  const list = z.union([z.array(panelService), z.object({ services: z.array(panelService) }).transform((o) => o.services)]).parse(raw);
  return list.map(({ description, desc, ...s }) => {
    const text = desc ?? description;
    return text === undefined ? s : { ...s, desc: text };
  });
}
