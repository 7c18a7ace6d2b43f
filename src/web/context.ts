import type { Api } from "grammy";
import type { AppDeps } from "../app.js";
import type { HealthCheck } from "../server/health.js";
import type { Locale } from "../text/locales.js";

/** What the back office needs besides the app's dependencies. */
export interface WebDeps extends AppDeps {
  /** the Bot API: receipt photos (getFile), broadcast sources */
  api: Api;
  health: HealthCheck;
}

export interface WebOptions {
  /** sign-in attempts one address may make per window */
  signInLimit?: { max: number; windowMs: number };
}

/** The signed-in admin, as every page after the session check sees them. */
export interface AdminView {
  id: number;
  /** "Ann @ann": how other admins see who decided */
  name: string;
  locale: Locale;
  /** the session's CSRF token, put into every form */
  csrf: string;
  t: (key: string, vars?: Record<string, string | number>) => string;
}

export type WebEnv = {
  Variables: { admin: AdminView; sessionId: string };
};
