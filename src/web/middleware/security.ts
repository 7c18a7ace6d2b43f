import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "../../config.js";

/**
 * Headers on every back-office answer: a CSP that allows only our own scripts and styles (no inline
 * script, no eval), no framing, no MIME sniffing, no referrer to other sites (a sign-in path must not leak), and
 * pages never cached (they show wallets and receipts).
 */
export function securityHeaders(config: Pick<Config, "publicUrl">): MiddlewareHandler[] {
  const https = config.publicUrl?.startsWith("https:") ?? false;
  return [
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: "DENY",
      xContentTypeOptions: "nosniff",
      // Not no-referrer: with it Chrome sends "Origin: null" on form posts, and the Origin check needs ours.
      referrerPolicy: "same-origin",
      crossOriginOpenerPolicy: "same-origin",
      crossOriginResourcePolicy: "same-origin",
      strictTransportSecurity: https ? "max-age=31536000" : false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
    async (c, next) => {
      await next();
      if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
    },
  ];
}
