import { defineConfig } from "vitest/config";

// Two projects: `unit` is every test named *.unit.test.ts (pure: no Redis, no HTTP server, no child
// process); `integration` is every other test. `npm test` runs both, `npm run test:unit` only `unit`.
const unit = "test/**/*.unit.test.ts";

export default defineConfig({
  test: {
    // End-to-end tests talk to real HTTP servers and Redis; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: [unit] } },
      { extends: true, test: { name: "integration", include: ["test/**/*.test.ts"], exclude: [unit, "test/tooling/fixtures/**"] } },
    ],
  },
});
