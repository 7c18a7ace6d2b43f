import type { Context, Hono } from "hono";
import { D, parseUserAmount, type Money } from "../../money.js";
import { decideReceipt, type Receipt, type ReceiptDecision } from "../../services/receipts.js";
import { formatDateTime } from "../../text/format.js";
import type { AdminView, WebDeps, WebEnv } from "../context.js";
import { CsrfField, Layout } from "../pages/layout.js";
import { Facts, Notice, PAGE_SIZE, Pager, money, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";

/** What a receipt file is served as, by the extension Telegram gives its path; anything else is a download. */
const INLINE_TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", pdf: "application/pdf" };
/** Bot API downloads stop at 20 MB; a receipt is far smaller. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function ReceiptCard(props: { admin: AdminView; receipt: Receipt; currency: string; notice?: string }) {
  const { admin, receipt: r, currency } = props;
  const t = admin.t;
  const decided = r.state !== "pending";
  return (
    <article class="card receipt" id={`receipt-${r.id}`}>
      {props.notice && <Notice kind="warn">{props.notice}</Notice>}
      <div class="receipt-body">
        {r.fileId ? (
          <a href={`${BASE}/receipts/${r.id}/file`} target="_blank" rel="noopener">
            <img src={`${BASE}/receipts/${r.id}/file`} alt={t("web-receipt-photo", { id: r.id })} loading="lazy" />
          </a>
        ) : (
          <p class="hint">{t("web-receipt-no-file")}</p>
        )}
        <Facts
          rows={[
            [t("web-receipt-id"), <code>{r.id}</code>],
            [t("web-receipt-user"), <a href={`${BASE}/users/${r.userId}`}>{[r.firstName, r.username ? `@${r.username}` : "", `(${r.userId})`].filter(Boolean).join(" ")}</a>],
            [t("web-receipt-amount"), <strong>{money(admin, new D(r.amount), currency)}</strong>],
            [t("web-receipt-sent"), formatDateTime(r.createdAt)],
            ...(r.note ? [[t("web-receipt-note"), r.note] as [string, string]] : []),
          ]}
        />
      </div>
      {decided ? (
        <p class={`decision ${r.state}`}>
          {t(r.state === "approved" ? "web-receipt-approved-by" : "web-receipt-rejected-by", {
            admin: r.decidedByName ?? String(r.decidedBy ?? ""),
            amount: money(admin, new D(r.approvedAmount ?? r.amount), currency),
          })}
        </p>
      ) : (
        <div class="row">
          <form method="post" action={`${BASE}/receipts/${r.id}/approve`} hx-post={`${BASE}/receipts/${r.id}/approve`} hx-target={`#receipt-${r.id}`} hx-swap="outerHTML" class="row">
            <CsrfField admin={admin} />
            <input name="amount" inputmode="decimal" value={new D(r.amount).toFixed()} required aria-label={t("web-receipt-amount")} />
            <button type="submit" class="primary">
              {t("web-receipt-approve")}
            </button>
          </form>
          <form method="post" action={`${BASE}/receipts/${r.id}/reject`} hx-post={`${BASE}/receipts/${r.id}/reject`} hx-target={`#receipt-${r.id}`} hx-swap="outerHTML">
            <CsrfField admin={admin} />
            <button type="submit" class="danger">
              {t("web-receipt-reject")}
            </button>
          </form>
        </div>
      )}
    </article>
  );
}

export function receiptRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  const { config } = deps;
  const store = () => deps.receipts;

  app.get("/receipts", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const page = pageOf(c.req.query("page"));
    const { receipts, total } = await store().listPending((page - 1) * PAGE_SIZE, PAGE_SIZE);
    return c.html(
      <Layout admin={admin} section="/receipts" title={t("web-nav-receipts")}>
        {receipts.length === 0 ? <p class="empty">{t("web-receipts-none")}</p> : receipts.map((r) => <ReceiptCard admin={admin} receipt={r} currency={config.currency} />)}
        <Pager admin={admin} page={page} total={total} href={(p) => `${BASE}/receipts?page=${p}`} />
      </Layout>,
    );
  });

  /**
   * The customer's file, fetched by the server: getFile, then the download, streamed on. The
   * download URL carries the bot token, so it never reaches the browser or a log line.
   */
  app.get("/receipts/:id/file", async (c) => {
    const receipt = await store().get(c.req.param("id"));
    if (!receipt?.fileId) return c.notFound();
    let path: string | undefined;
    try {
      path = (await deps.api.getFile(receipt.fileId)).file_path;
    } catch (e) {
      deps.logger.warn({ err: e, receipt: receipt.id }, "receipt file: getFile failed");
    }
    if (!path) return c.text("file unavailable", 502);
    const res = await fetch(`${config.telegramApiRoot}/file/bot${config.botToken}/${path}`).catch(() => null);
    if (!res?.ok || !res.body) {
      deps.logger.warn({ receipt: receipt.id, status: res?.status }, "receipt file: download failed");
      return c.text("file unavailable", 502);
    }
    const size = Number(res.headers.get("content-length") ?? 0);
    if (size > MAX_FILE_BYTES) return c.text("file too large", 502);
    const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1]?.toLowerCase() ?? "";
    const type = INLINE_TYPES[ext];
    const headers: Record<string, string> = {
      "content-type": type ?? "application/octet-stream",
      "content-disposition": type ? "inline" : `attachment; filename="receipt-${receipt.id}"`,
      "cache-control": "private, max-age=300",
    };
    if (size > 0) headers["content-length"] = String(size);
    return new Response(res.body, { headers });
  });

  // The same function as the buttons under the receipt in Telegram: the first decision wins.
  const decide = (decision: ReceiptDecision) => async (c: Context<WebEnv>) => {
    const admin = c.get("admin");
    const t = admin.t;
    const id = c.req.param("id") ?? "";
    const body = await c.req.parseBody();
    let amount: Money | undefined;
    if (decision === "approved") {
      const parsed = typeof body.amount === "string" ? parseUserAmount(body.amount) : null;
      if (!parsed || parsed.lte(0)) return answer(c, admin, await store().get(id), t("web-receipt-bad-amount"));
      amount = parsed;
    }
    const result = await decideReceipt(deps, id, decision, { id: admin.id, name: admin.name }, amount);
    if (!result) return c.notFound();
    if (result.won) {
      const r = result.receipt;
      await deps.audit.append({
        who: admin.id,
        what: `receipt.${decision === "approved" ? "approve" : "reject"} receipt:${id}`,
        old: "pending",
        new: decision === "approved" ? `approved ${r.approvedAmount ?? r.amount}` : "rejected",
        via: "web",
      });
    }
    return answer(c, admin, result.receipt, result.won ? undefined : t("web-receipt-already"));
  };
  app.post("/receipts/:id/approve", decide("approved"));
  app.post("/receipts/:id/reject", decide("rejected"));

  /** htmx swaps the card in place; without JS the list is shown again. */
  function answer(c: Context<WebEnv>, admin: AdminView, receipt: Receipt | null, notice?: string) {
    if (!receipt) return c.notFound();
    if (c.req.header("hx-request") === "true") return c.html(<ReceiptCard admin={admin} receipt={receipt} currency={config.currency} notice={notice} />);
    return c.redirect(`${BASE}/receipts`, 303);
  }
}
