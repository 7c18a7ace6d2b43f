import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { describe, expect, it } from "vitest";

// The rules in .dependency-cruiser.cjs, run on a fixture with one deliberate bad import per rule, and on the real src/.
const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/layers/", import.meta.url));

async function cruiseFixture(): Promise<ICruiseResult> {
  const { tsConfig: _realProject, ...options } = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
  // The fixture has no tsconfig: resolve its NodeNext-style "./x.js" imports to the .ts files directly.
  const result = await cruise(["src"], { ...options, baseDir: fixture }, { extensionAlias: { ".js": [".ts", ".js"] } });
  return result.output as ICruiseResult;
}

describe("import rules (.dependency-cruiser.cjs)", () => {
  it("reports every deliberate bad import in the fixture, and nothing else", async () => {
    // main.ts -> bot/ and text/ -> money.ts are allowed, so they are absent; a cycle is reported once.
    const found = (await cruiseFixture()).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual([
      "bot-is-the-edge: src/services/order.ts -> src/bot/index.ts",
      "no-circular: src/services/cycle-a.ts -> src/services/cycle-b.ts",
      "src-not-from-tests: src/services/order.ts -> test/helper.ts",
      "store-below-services: src/store/wallet.ts -> src/services/order.ts",
      "text-is-self-contained: src/text/format.ts -> src/store/wallet.ts",
    ]);
  });

  it("passes on the real src/ (the same command npm run lint runs)", async () => {
    const bin = fileURLToPath(new URL("node_modules/.bin/depcruise", `file://${root}`));
    const { stdout } = await promisify(execFile)(bin, ["src", "--output-type", "err"], { cwd: root });
    expect(stdout).toContain("no dependency violations found");
  });
});
