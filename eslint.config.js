// ESLint flat config. TypeScript files get typescript-eslint's type-aware recommended rules (they
// read tsconfig.json), which is what catches a forgotten await or a promise handed to a callback.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "test/tooling/fixtures/"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An async method that implements a Promise-returning interface (an Outbox, a balance extension)
      // needs no await inside; the rule would force a rewrite to Promise.resolve for nothing.
      "@typescript-eslint/require-await": "off",
      // `const self = this` for a named inner function that must compare itself; other aliases stay errors.
      "@typescript-eslint/no-this-alias": ["error", { allowedNames: ["self"] }],
      // Passing on a caught `unknown` (`catch (e) { reject(e) }`) re-raises what was thrown, like a rethrow.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Tests and the bench read raw JSON off the fakes (Bot API calls, panel answers) and poke at it;
    // typing every such body would add noise without catching bugs. The fakes turn raw values into
    // strings on purpose, as Telegram does.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { globals: globals.node },
  },
);
