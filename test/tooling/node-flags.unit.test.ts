import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const read = (f: string) => readFileSync(new URL(f, root), "utf8");
const script = (name: string) => (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts[name]!;
const flags = (words: string[]) => words.filter((w) => w.startsWith("--") && w !== "--worker");

describe("node's flags", () => {
  it("for the bot process are the same in npm start and in the Docker image's CMD", () => {
    const start = script("start");
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))![1]!;
    expect(flags(JSON.parse(cmd) as string[])).toEqual(flags(start.split(/\s+/)));
    expect(flags(start.split(/\s+/))).toContain("--max-semi-space-size=32");
  });

  it("for a worker are the same in npm run worker and in Docker Compose's worker service", () => {
    const worker = script("worker");
    const service = /^ {2}worker:\n(?: {4}.*\n)*? {4}command: (\[.*\])$/m.exec(read("docker-compose.yml"))![1]!;
    const command = JSON.parse(service) as string[];
    expect(command).toContain("--worker");
    expect(flags(command)).toEqual(flags(worker.split(/\s+/)));
    expect(flags(command)).toEqual(["--max-semi-space-size=4", "--heap-growing-percent=150"]);
  });
});
