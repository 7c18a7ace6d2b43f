import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (l: string) => readFileSync(new URL(`../../locales/${l}.ftl`, import.meta.url), "utf8");

/** Message ids (and terms) at the start of a line, as Fluent defines them. */
function messageIds(source: string): string[] {
  return [...source.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!).sort();
}

/** Variables each message uses, so a translation cannot silently drop or rename one. */
function variablesByMessage(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = "";
  for (const line of source.split("\n")) {
    const head = /^(-?[a-zA-Z][\w-]*)\s*=/.exec(line);
    if (head) current = head[1]!;
    if (!current) continue;
    const vars = [...line.matchAll(/\{\s*\$([\w-]+)/g)].map((m) => m[1]!);
    out.set(current, [...new Set([...(out.get(current) ?? []), ...vars])].sort());
  }
  return out;
}

describe("locales", () => {
  const en = read("en");
  const uz = read("uz");

  it("uz.ftl and en.ftl define the same keys, each once", () => {
    const enIds = messageIds(en);
    const uzIds = messageIds(uz);
    expect(uzIds).toEqual(enIds);
    expect(new Set(enIds).size).toBe(enIds.length);
  });

  it("each message uses the same variables in both languages", () => {
    const enVars = variablesByMessage(en);
    const uzVars = variablesByMessage(uz);
    for (const [id, vars] of enVars) expect({ id, vars: uzVars.get(id) }).toEqual({ id, vars });
  });

  it("Uzbek is Latin script with the proper oʻ, gʻ and ʼ letters", () => {
    expect(uz).not.toMatch(/[\u0400-\u04FF]/); // no Cyrillic
    // o' g' written with an ASCII apostrophe or a typographic quote instead of U+02BB
    const body = uz.replace(/^#.*$/gm, "");
    expect(body).not.toMatch(/[oOgG]['‘’`]/);
  });
});
