import pino, { type Logger, type DestinationStream } from "pino";

export type { Logger };

/**
 * Replaces every occurrence of a secret in a string. Secrets can hide anywhere: in a URL that
 * an HTTP error prints, in an error message, in a request body that a debug line dumps.
 */
export function makeScrubber(secrets: Array<string | undefined>): (text: string) => string {
  const list = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4);
  // The bot token's secret half also appears on its own in some URLs.
  for (const s of [...list]) {
    const colon = s.indexOf(":");
    if (/^\d+:/.test(s) && s.length - colon > 8) list.push(s.slice(colon + 1));
  }
  list.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join("[REDACTED]");
    return out;
  };
}

function scrubDeep(value: unknown, scrub: (s: string) => string, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const copy: Record<string, unknown> = { type: value.name, message: scrub(value.message) };
    if (value.stack) copy.stack = scrub(value.stack);
    for (const [k, v] of Object.entries(value)) copy[k] = scrubDeep(v, scrub, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub, depth + 1);
  return out;
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** values that must never be written: the bot token, the panel API key, the webhook secret */
  secrets: Array<string | undefined>;
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const scrub = makeScrubber(opts.secrets);
  const options: pino.LoggerOptions = {
    level: opts.level,
    // Named fields are cut outright; everything else is scanned for the secret values.
    redact: { paths: ["key", "token", "botToken", "*.key", "*.token", "*.botToken", "config.panel.key"], censor: "[REDACTED]" },
    formatters: { log: (obj) => scrubDeep(obj, scrub) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
    serializers: { err: (e: unknown) => scrubDeep(e, scrub) },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  return pino(options);
}
