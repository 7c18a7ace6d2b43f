import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { formatInt } from "../../src/text/format.js";
import { createI18n } from "../../src/text/i18n.js";
import { LOCALES, localeFromTelegram, localesDir } from "../../src/text/locales.js";

/** Every file in locales/ is checked against en.ftl, the one the code is written against. */
const REFERENCE = "en";
const source = (l: string) => readFileSync(join(localesDir(), `${l}.ftl`), "utf8");

type Entry = FluentResource["body"][number];
type Pattern = NonNullable<Entry["value"]>;
type Element = Exclude<Pattern, string>[number];
type Expression = Exclude<Element, string>;
type Select = Extract<Expression, { type: "select" }>;

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

interface Parsed {
  ids: string[];
  messages: Map<string, Entry>;
}

function parse(l: string): Parsed {
  const src = source(l);
  const messages = new Map(new FluentResource(src).body.map((m) => [m.id, m]));
  // Ids at the start of a line: FluentResource silently drops an entry it cannot parse.
  const ids = [...src.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
  return { ids, messages };
}

/** Visits every pattern element of a message, variants and function arguments included. */
function walk(pattern: Pattern | null, visit: { text?: (s: string) => void; expr?: (e: Expression) => void }): void {
  if (pattern === null) return;
  if (typeof pattern === "string") return visit.text?.(pattern);
  for (const el of pattern) {
    if (typeof el === "string") {
      visit.text?.(el);
      continue;
    }
    const visitExpr = (e: Expression | { type: "narg"; value: Expression }): void => {
      if (e.type === "narg") return visitExpr(e.value);
      visit.expr?.(e);
      if (e.type === "select") {
        visitExpr(e.selector);
        for (const v of e.variants) walk(v.value, visit);
      }
      if (e.type === "func" || e.type === "term") for (const a of e.args) visitExpr(a);
    };
    visitExpr(el);
  }
}

function patternsOf(m: Entry): Pattern[] {
  return [m.value, ...Object.values(m.attributes)].filter((p): p is Pattern => p !== null);
}

function variablesOf(m: Entry): string[] {
  const vars = new Set<string>();
  for (const p of patternsOf(m)) walk(p, { expr: (e) => e.type === "var" && vars.add(e.name) });
  return [...vars].sort();
}

/** All literal text of a message (every variant), for letter and tag checks. */
function textOf(m: Entry): string {
  const parts: string[] = [];
  for (const p of patternsOf(m)) walk(p, { text: (s) => parts.push(s) });
  return parts.join("\n");
}

const tagsOf = (m: Entry) => [...new Set([...textOf(m).matchAll(/<\/?([a-z]+)[^>]*>/g)].map((t) => t[0].replace(/\s.*>/, ">")))].sort();
const emojiOf = (m: Entry) => [...new Set(textOf(m).match(/\p{Extended_Pictographic}/gu) ?? [])].sort();

function selectsOf(m: Entry): Select[] {
  const out: Select[] = [];
  for (const p of patternsOf(m)) walk(p, { expr: (e) => e.type === "select" && out.push(e) });
  return out;
}

const keyOf = (v: Select["variants"][number]) => (v.key.type === "str" ? v.key.value : String(v.key.value));
const isPluralSelect = (s: Select) => s.variants.some((v) => v.key.type === "str" && PLURAL_CATEGORIES.has(v.key.value) && v.key.value !== "other");

const parsed = new Map(LOCALES.map((l) => [l, parse(l)]));
const reference = parsed.get(REFERENCE)!;
const others = LOCALES.filter((l) => l !== REFERENCE);

describe("locales", () => {
  it("has the shop's three languages", () => {
    expect([...LOCALES]).toEqual(expect.arrayContaining(["en", "ru", "uz"]));
  });

  it("maps Telegram's language_code to a locale file, Russian included", () => {
    expect(localeFromTelegram("ru")).toBe("ru");
    expect(localeFromTelegram("ru-RU")).toBe("ru");
    expect(localeFromTelegram("uz-Cyrl")).toBe("uz");
    expect(localeFromTelegram("de")).toBeUndefined();
    expect(localeFromTelegram(undefined)).toBeUndefined();
  });

  it.each(LOCALES)("%s.ftl parses whole, each key defined once", (l) => {
    const { ids, messages } = parsed.get(l)!;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !messages.has(id))).toEqual([]);
  });

  it.each(others)(`%s.ftl defines the same keys as ${REFERENCE}.ftl`, (l) => {
    expect([...parsed.get(l)!.ids].sort()).toEqual([...reference.ids].sort());
  });

  it.each(others)(`%s.ftl: each message uses the same variables, HTML tags and emoji as in ${REFERENCE}.ftl`, (l) => {
    const { messages } = parsed.get(l)!;
    for (const [id, en] of reference.messages) {
      const m = messages.get(id);
      if (!m) continue; // reported by the key test
      expect({ id, vars: variablesOf(m) }).toEqual({ id, vars: variablesOf(en) });
      expect({ id, tags: tagsOf(m) }).toEqual({ id, tags: tagsOf(en) });
      expect({ id, emoji: emojiOf(m) }).toEqual({ id, emoji: emojiOf(en) });
    }
  });

  it.each(LOCALES)("%s.ftl: no empty message or variant, and every HTML tag is closed", (l) => {
    for (const [id, m] of parsed.get(l)!.messages) {
      expect({ id, text: textOf(m).trim().length > 0 || variablesOf(m).length > 0 }).toEqual({ id, text: true });
      for (const s of selectsOf(m)) for (const v of s.variants) expect({ id, variant: keyOf(v), empty: v.value === "" }).toMatchObject({ empty: false });
      const text = textOf(m);
      for (const tag of ["b", "i", "code", "pre", "a", "u", "s"]) {
        const open = text.match(new RegExp(`<${tag}[ >]`, "g"))?.length ?? 0;
        const close = text.match(new RegExp(`</${tag}>`, "g"))?.length ?? 0;
        expect({ id, tag, open }).toEqual({ id, tag, open: close });
      }
    }
  });

  it.each(LOCALES)("%s.ftl: plural selectors go through COUNT() and name exactly the language's categories", (l) => {
    const categories = new Intl.PluralRules(l).resolvedOptions().pluralCategories.slice().sort();
    for (const [id, m] of parsed.get(l)!.messages) {
      for (const s of selectsOf(m)) {
        const keys = s.variants.map(keyOf);
        const viaCount = s.selector.type === "func" && s.selector.name === "COUNT";
        if (!isPluralSelect(s) && !viaCount) continue;
        // Numbers reach Fluent pre-formatted as text, which a bare `$n ->` never matches to `one`/`few`.
        expect({ id, viaCount }).toEqual({ id, viaCount: true });
        const named = keys.filter((k) => PLURAL_CATEGORIES.has(k)).sort();
        expect({ id, keys: named }).toEqual({ id, keys: categories });
        expect({ id, others: keys.filter((k) => !PLURAL_CATEGORIES.has(k) && !/^\d+$/.test(k)) }).toEqual({ id, others: [] });
      }
    }
  });

  it("uz.ftl is Latin script with the proper oʻ, gʻ (U+02BB) and tutuq belgisi ʼ (U+02BC)", () => {
    const { messages } = parsed.get("uz")!;
    const problems: string[] = [];
    for (const [id, m] of messages) {
      const text = textOf(m);
      const flag = (re: RegExp, what: string) => {
        for (const hit of text.matchAll(re)) problems.push(`${id}: ${what}: "${hit[0]}"`);
      };
      // The language prompt alone names each language in its own script ("Выберите язык").
      if (id !== "language-choose") flag(/[\u0400-\u04FF]/gu, "Cyrillic");
      // ASCII apostrophe, backtick or typographic quotes in a word, where oʻ gʻ or ʼ belong.
      flag(/\p{L}*[oOgG]['`‘’ʼ]\p{L}*/gu, "oʻ/gʻ need U+02BB");
      flag(/\p{L}+['`‘’]\p{L}+/gu, "tutuq belgisi is U+02BC");
      // ʻ is only the second half of oʻ and gʻ.
      flag(/\p{L}*(?:[^oOgG]|^)ʻ\p{L}*/gmu, "ʻ only after o or g");
    }
    expect(problems.join("\n")).toBe("");
  });

  it("ru.ftl is Russian: Cyrillic in every message, no Latin letters inside Cyrillic words", () => {
    const names = new Set(["topup-method-stars"]); // "⭐ Telegram Stars": the product's own name
    const problems: string[] = [];
    for (const [id, m] of parsed.get("ru")!.messages) {
      // Commands, codes and placeholders in <code> are Latin on purpose.
      const text = textOf(m)
        .replace(/<code>.*?<\/code>/gs, "")
        .replace(/<[^>]+>/g, "")
        .replace(/\/[a-z]+|https?:\/\/\S+|@\S+/g, "");
      if (/\p{L}/u.test(text) && !/[\u0400-\u04FF]/u.test(text) && !names.has(id)) problems.push(`${id}: no Cyrillic`);
      for (const hit of text.matchAll(/\p{L}*(?:[\u0400-\u04FF][A-Za-z]|[A-Za-z][\u0400-\u04FF])\p{L}*/gu)) problems.push(`${id}: mixed script "${hit[0]}"`);
    }
    expect(problems.join("\n")).toBe("");
  });
});

describe("messages through the real translator", () => {
  const i18n = createI18n(REFERENCE);
  const comments = (l: string, n: number) => i18n.t(l, "order-comments-below-min", { count: formatInt(n, l), min: "10", max: "100" });

  it.each(LOCALES)("%s: every message renders with its variables, as text or as numbers", (l) => {
    for (const [id, m] of parsed.get(l)!.messages) {
      for (const value of ["2", 2]) {
        const vars = Object.fromEntries(variablesOf(m).map((v) => [v, value]));
        // Fluent throws here on an unknown function or variable, as it would in the bot.
        const text = i18n.t(l, id, vars);
        expect({ id, text: text.length > 0 && !text.includes(`{${id}}`) }).toEqual({ id, text: true });
      }
    }
  });

  it("Russian picks one/few/many for counts the code passes pre-formatted", () => {
    expect(comments("ru", 1)).toContain("1 комментарий:");
    expect(comments("ru", 2)).toContain("2 комментария:");
    expect(comments("ru", 5)).toContain("5 комментариев:");
    expect(comments("ru", 11)).toContain("11 комментариев:");
    expect(comments("ru", 21)).toContain("21 комментарий:");
    expect(comments("ru", 1234)).toContain("1\u00a0234 комментария:");
    expect(i18n.t("ru", "order-link-too-long", { max: formatInt(2000, "ru") })).toBe("⚠️ Ссылка слишком длинная: максимум 2\u00a0000 символов.");
    expect(i18n.t("ru", "order-ask-comments", { min: "1", max: "1" })).toContain("от 1 до 1 строки.");
  });

  it("and the same for counts passed as plain numbers", () => {
    const minutes = (n: number) => i18n.t("ru", "tracking-alert-panel-down", { minutes: n, reason: "timeout" });
    expect(minutes(1)).toContain("уже 1 минуту не отвечает");
    expect(minutes(3)).toContain("уже 3 минуты не отвечает");
    expect(minutes(15)).toContain("уже 15 минут не отвечает");
    expect(i18n.t("ru", "admin-broadcast-started", { id: "7", users: 21 })).toBe("📣 Рассылка #7 запущена для 21 пользователя.");
    expect(i18n.t("ru", "admin-broadcast-started", { id: "7", users: 1000 })).toBe("📣 Рассылка #7 запущена для 1\u00a0000 пользователей.");
  });

  it("a value COUNT() cannot read falls back to the default variant instead of failing", () => {
    expect(i18n.t("ru", "order-link-too-long", { max: "many" })).toBe("⚠️ Ссылка слишком длинная: максимум many символа.");
  });
});
