import type { Child } from "hono/jsx";
import type { AdminView } from "../context.js";
import { BASE } from "../urls.js";

/**
 * The sections of the back office, in menu order.
 */
export const SECTIONS = [
  { path: "/", key: "web-nav-home" },
  { path: "/orders", key: "web-nav-orders" },
  { path: "/catalog", key: "web-nav-catalog" },
  { path: "/users", key: "web-nav-users" },
  { path: "/receipts", key: "web-nav-receipts" },
  { path: "/broadcasts", key: "web-nav-broadcasts" },
  { path: "/audit", key: "web-nav-audit" },
  { path: "/settings", key: "web-nav-settings" },
] as const;

export type Section = (typeof SECTIONS)[number]["path"];

/** htmx reads its settings from this tag: no inline styles, no eval, requests to us only. */
const HTMX_CONFIG = JSON.stringify({ includeIndicatorStyles: false, allowEval: false, allowScriptTags: false, selfRequestsOnly: true, historyCacheSize: 0 });

/** Extra files a page needs from /admin/assets/ (all served by the app itself). */
interface PageAssets {
  scripts?: string[];
  styles?: string[];
}

function Head(props: { title: string } & PageAssets) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="htmx-config" content={HTMX_CONFIG} />
      <meta name="robots" content="noindex, nofollow" />
      <title>{props.title}</title>
      {props.styles?.map((f) => (
        <link rel="stylesheet" href={`${BASE}/assets/${f}`} />
      ))}
      <link rel="stylesheet" href={`${BASE}/assets/admin.css`} />
      <script src={`${BASE}/assets/htmx.min.js`} defer></script>
      {props.scripts?.map((f) => (
        <script src={`${BASE}/assets/${f}`} defer></script>
      ))}
    </head>
  );
}

/** A signed-in page: menu, sign-out, and the section's content. */
export function Layout(props: { admin: AdminView; section: Section; title: string; children?: Child } & PageAssets) {
  const { admin, section, title } = props;
  const t = admin.t;
  return (
    <html lang={admin.locale}>
      <Head title={`${title} · ${t("web-title")}`} scripts={props.scripts} styles={props.styles} />
      <body>
        <header class="top">
          <a class="brand" href={`${BASE}/`}>
            {t("web-title")}
          </a>
          <nav>
            {SECTIONS.map((s) => (
              <a href={`${BASE}${s.path === "/" ? "/" : s.path}`} class={s.path === section ? "current" : undefined} aria-current={s.path === section ? "page" : undefined}>
                {t(s.key)}
              </a>
            ))}
          </nav>
          <form method="post" action={`${BASE}/signout`} class="signout">
            <CsrfField admin={admin} />
            <span class="who">{admin.name}</span>
            <button type="submit" class="link">
              {t("web-signout")}
            </button>
          </form>
        </header>
        <main>
          <h1>{title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page outside a session: sign-in confirmation and refusals. */
export function PlainPage(props: { locale: string; title: string; children?: Child }) {
  return (
    <html lang={props.locale}>
      <Head title={props.title} />
      <body class="plain">
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The session's CSRF token; every form that changes something carries it. */
export function CsrfField(props: { admin: AdminView }) {
  return <input type="hidden" name="_csrf" value={props.admin.csrf} />;
}
