/**
 * Import rules: which folder may import which (README, "For engineers").
 * `npm run lint` runs `depcruise src`; test/tooling/import-rules.test.ts checks these rules catch what they should.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and hide which layer owns what.",
      from: {},
      to: { circular: true },
    },
    {
      name: "bot-is-the-edge",
      severity: "error",
      comment: "src/bot/ is the grammY edge: nothing outside it imports it, except the process wiring (src/main.ts, src/demo.ts).",
      from: { path: "^src/", pathNot: ["^src/bot/", "^src/main\\.ts$", "^src/demo\\.ts$"] },
      to: { path: "^src/bot/" },
    },
    {
      name: "text-is-self-contained",
      severity: "error",
      comment: "src/text/ (translation, locales, escaping, formatting) imports only itself and src/money.ts among our files.",
      from: { path: "^src/text/" },
      to: { dependencyTypes: ["local"], pathNot: ["^src/text/", "^src/money\\.ts$"] },
    },
    {
      name: "store-below-services",
      severity: "error",
      comment: "src/store/ owns Redis; it must not reach up into services, the bot, the poller, outbound or the HTTP server.",
      from: { path: "^src/store/" },
      to: { path: "^src/(services|bot|poller|outbound|server)/" },
    },
    {
      name: "src-not-from-tests",
      severity: "error",
      comment: "Production code never imports test code (helpers, fakes, fixtures).",
      from: { path: "^src/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
