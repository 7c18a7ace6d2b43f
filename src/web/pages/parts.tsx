import { randomBytes } from "node:crypto";
import type { Child } from "hono/jsx";
import type { Money } from "../../money.js";
import { formatMoney } from "../../text/format.js";
import type { AdminView } from "../context.js";

export const PAGE_SIZE = 20;

/** Page number from a query value: 1 and up. */
export const pageOf = (raw: string | undefined): number => {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

export const money = (admin: AdminView, amount: Money, currency: string) => formatMoney(amount, admin.locale, currency);

/**
 * A random value the form carries once: it becomes the request key of the action, so a form sent
 * twice (a double click, a browser resend) is carried out once.
 */
export function OnceField() {
  return <input type="hidden" name="_once" value={randomBytes(16).toString("base64url")} />;
}
export const ONCE_RE = /^[A-Za-z0-9_-]{22}$/;

/** "Previous · page 2 of 5 · Next", keeping the other query values. */
export function Pager(props: { admin: AdminView; page: number; total: number; size?: number; href: (page: number) => string }) {
  const size = props.size ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(props.total / size));
  if (pages <= 1) return null;
  const t = props.admin.t;
  return (
    <nav class="pager">
      {props.page > 1 ? <a href={props.href(props.page - 1)}>{t("web-page-prev")}</a> : <span />}
      <span>{t("web-page-of", { page: props.page, pages })}</span>
      {props.page < pages ? <a href={props.href(props.page + 1)}>{t("web-page-next")}</a> : <span />}
    </nav>
  );
}

/** The outcome of the last action, shown above the page. */
export function Notice(props: { kind: "ok" | "warn"; children?: Child }) {
  return (
    <p class={`notice ${props.kind}`} role="status">
      {props.children}
    </p>
  );
}

/** Label/value rows. */
export function Facts(props: { rows: Array<[string, Child]> }) {
  return (
    <dl class="facts">
      {props.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}
