import type { Config } from "../config.js";

/** Where the back office lives, as admins open it. */
export const BASE = "/admin";

/** The origin sign-in links point at: PUBLIC_URL, else this machine's own port (SSH tunnel). */
export function backOfficeOrigin(config: Pick<Config, "publicUrl" | "port">): string {
  return config.publicUrl ?? `http://127.0.0.1:${config.port}`;
}

export function signInUrl(config: Pick<Config, "publicUrl" | "port">, token: string): string {
  return `${backOfficeOrigin(config)}${BASE}/signin/${token}`;
}
