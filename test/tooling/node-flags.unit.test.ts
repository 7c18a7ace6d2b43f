import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const read = (f: string) => readFileSync(new URL(f, root), "utf8");

describe("node's flags for the bot process", () => {
  it("are the same in npm start and in the Docker image's CMD", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start!;
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))![1]!;
    const flags = (words: string[]) => words.filter((w) => w.startsWith("--"));
    expect(flags(JSON.parse(cmd) as string[])).toEqual(flags(start.split(/\s+/)));
    expect(flags(start.split(/\s+/))).toContain("--max-semi-space-size=32");
  });
});
