import type { Context, Hono } from "hono";
import { GrammyError, InputFile } from "grammy";
import { firstTime } from "../../services/admin.js";
import { broadcastSummary, listBroadcasts, type BroadcastSummary } from "../../services/broadcast.js";
import { formatDateTime, formatInt } from "../../text/format.js";
import type { AdminView, WebDeps, WebEnv } from "../context.js";
import { CsrfField, Layout } from "../pages/layout.js";
import { Notice, ONCE_RE, OnceField, PAGE_SIZE, Pager, pageOf } from "../pages/parts.js";
import { BASE } from "../urls.js";

const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const FILE_ID = /^[\w-]{10,256}$/;

interface Draft {
  text: string;
  photo?: File;
  fileId?: string;
}

/** The form's fields, or the key of what is wrong with them. */
function readDraft(body: Record<string, string | File | (string | File)[]>): Draft | { error: string } {
  const text = typeof body.text === "string" ? body.text.trim() : "";
  const photo = body.photo instanceof File && body.photo.size > 0 ? body.photo : undefined;
  const fileId = typeof body.fileId === "string" && body.fileId.trim() !== "" ? body.fileId.trim() : undefined;
  if (photo && fileId) return { error: "web-broadcast-one-photo" };
  if (photo && (!photo.type.startsWith("image/") || photo.size > PHOTO_MAX_BYTES)) return { error: "web-broadcast-bad-photo" };
  if (fileId && !FILE_ID.test(fileId)) return { error: "web-broadcast-bad-file-id" };
  const withPhoto = photo !== undefined || fileId !== undefined;
  if (!withPhoto && text === "") return { error: "web-broadcast-empty" };
  if ([...text].length > (withPhoto ? CAPTION_MAX : TEXT_MAX)) return { error: withPhoto ? "web-broadcast-caption-long" : "web-broadcast-text-long" };
  return { text, photo, fileId };
}

function Progress(props: { admin: AdminView; b: BroadcastSummary }) {
  const { admin, b } = props;
  const t = admin.t;
  const n = (v: number) => formatInt(v, admin.locale);
  const running = b.phase !== "done";
  return (
    <div id="progress" hx-get={running ? `${BASE}/broadcasts/${b.id}/progress` : undefined} hx-trigger={running ? "every 2s" : undefined} hx-swap="outerHTML">
      <p>
        <span class={`tag ${b.phase}`}>{t("web-broadcast-phase", { phase: b.phase })}</span>
      </p>
      <p>{t("web-broadcast-counts", { queued: n(b.queued), users: n(b.users), delivered: n(b.delivered), blocked: n(b.blocked), failed: n(b.failed), maybe: n(b.maybe), skipped: n(b.skipped) })}</p>
    </div>
  );
}

export function broadcastRoutes(app: Hono<WebEnv>, deps: WebDeps): void {
  const reads = { broadcasts: deps.broadcasts, tagCounts: (tag: string) => deps.outboxStore.tagCounts(tag) };

  const composePage = async (c: Context<WebEnv>, error?: string) => {
    const admin = c.get("admin");
    const t = admin.t;
    const page = pageOf(c.req.query("page"));
    const { broadcasts, total } = await listBroadcasts(reads, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    return c.html(
      <Layout admin={admin} section="/broadcasts" title={t("web-nav-broadcasts")}>
        {error && <Notice kind="warn">{t(error)}</Notice>}
        <section class="card">
          <h2>{t("web-broadcast-compose")}</h2>
          <form method="post" action={`${BASE}/broadcasts`} enctype="multipart/form-data" class="stack">
            <CsrfField admin={admin} />
            <OnceField />
            <label>
              {t("web-broadcast-text")}
              <textarea name="text" rows={6} maxlength={TEXT_MAX}></textarea>
            </label>
            <label>
              {t("web-broadcast-photo")}
              <input type="file" name="photo" accept="image/*" />
            </label>
            <label>
              {t("web-broadcast-file-id")}
              <input name="fileId" maxlength={256} />
            </label>
            <p class="hint">{t("web-broadcast-hint")}</p>
            <div class="row">
              <button type="button" hx-post={`${BASE}/broadcasts/preview`} hx-target="#preview" hx-encoding="multipart/form-data" hx-include="closest form">
                {t("web-broadcast-preview")}
              </button>
              <button type="submit" class="primary">
                {t("web-broadcast-send")}
              </button>
            </div>
          </form>
          <div id="preview" aria-live="polite"></div>
        </section>
        <h2>{t("web-broadcast-history")}</h2>
        {broadcasts.length === 0 ? (
          <p class="empty">{t("web-broadcast-none")}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t("web-broadcast-started")}</th>
                  <th>{t("web-broadcast-by")}</th>
                  <th>{t("web-broadcast-state")}</th>
                  <th class="num">{t("web-broadcast-delivered")}</th>
                </tr>
              </thead>
              <tbody>
                {broadcasts.map((b) => (
                  <tr>
                    <td>
                      <a href={`${BASE}/broadcasts/${b.id}`}>#{b.id}</a>
                    </td>
                    <td class="nowrap">{formatDateTime(b.createdAt)}</td>
                    <td>{b.adminId}</td>
                    <td>
                      <span class={`tag ${b.phase}`}>{t("web-broadcast-phase", { phase: b.phase })}</span>
                    </td>
                    <td class="num">
                      {formatInt(b.delivered, admin.locale)} / {formatInt(b.users, admin.locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager admin={admin} page={page} total={total} href={(p) => `${BASE}/broadcasts?page=${p}`} />
      </Layout>,
    );
  };

  app.get("/broadcasts", (c) => composePage(c));

  // What users will get, before anything is sent.
  app.post("/broadcasts/preview", async (c) => {
    const t = c.get("admin").t;
    const draft = readDraft(await c.req.parseBody());
    if ("error" in draft) return c.html(<Notice kind="warn">{t(draft.error)}</Notice>);
    const photo = draft.photo ? t("web-broadcast-preview-upload", { name: draft.photo.name }) : draft.fileId ? t("web-broadcast-preview-file-id") : undefined;
    return c.html(
      <div class="preview">
        {photo && <p class="hint">{photo}</p>}
        <p class="message">{draft.text}</p>
        <p class="hint">{t("web-broadcast-preview-users", { users: formatInt(await deps.users.count(), c.get("admin").locale) })}</p>
      </div>,
    );
  });

  /**
   * The /broadcast path: the message goes to the admin's own chat first (their preview in Telegram
   * and the source every copy is made from), then the same job starts, with its progress message.
   */
  app.post("/broadcasts", async (c) => {
    const admin = c.get("admin");
    const t = admin.t;
    const body = await c.req.parseBody();
    const draft = readDraft(body);
    if ("error" in draft) return composePage(c, draft.error);
    const once = typeof body._once === "string" && ONCE_RE.test(body._once) ? body._once : null;
    if (!once) return composePage(c, "web-broadcast-empty");
    if (!(await firstTime(deps, `broadcast:web:${once}`))) return c.redirect(`${BASE}/broadcasts`, 303);
    let source: { message_id: number };
    try {
      const photo = draft.photo ? new InputFile(new Uint8Array(await draft.photo.arrayBuffer()), draft.photo.name) : draft.fileId;
      source = photo ? await deps.api.sendPhoto(admin.id, photo, draft.text ? { caption: draft.text } : {}) : await deps.api.sendMessage(admin.id, draft.text);
    } catch (e) {
      if (!(e instanceof GrammyError)) throw e;
      deps.logger.warn({ err: e, adminId: admin.id }, "broadcast source could not be sent to the admin");
      return composePage(c, e.error_code === 400 && draft.fileId ? "web-broadcast-bad-file-id" : "web-broadcast-no-chat");
    }
    const users = await deps.users.count();
    const id = await deps.broadcasts.create({ adminId: admin.id, adminChatId: admin.id, locale: admin.locale, fromChatId: admin.id, messageId: source.message_id, users });
    const progress = await deps.api.sendMessage(admin.id, t("admin-broadcast-started", { id, users }), { parse_mode: "HTML" });
    await deps.broadcasts.setProgressMessage(id, progress.message_id);
    await deps.audit.append({
      who: admin.id,
      what: `broadcast.start broadcast:${id}`,
      old: "",
      new: `${users} users${draft.photo || draft.fileId ? ", photo" : ""}: ${draft.text.slice(0, 100)}`,
      via: "web",
    });
    return c.redirect(`${BASE}/broadcasts/${id}`, 303);
  });

  app.get("/broadcasts/:id", async (c) => {
    const admin = c.get("admin");
    const b = await broadcastSummary(reads, c.req.param("id"));
    if (!b) return c.notFound();
    return c.html(
      <Layout admin={admin} section="/broadcasts" title={admin.t("web-broadcast-title", { id: b.id })}>
        <section class="card">
          <p>{admin.t("web-broadcast-meta", { started: formatDateTime(b.createdAt), admin: String(b.adminId) })}</p>
          <Progress admin={admin} b={b} />
        </section>
      </Layout>,
    );
  });

  app.get("/broadcasts/:id/progress", async (c) => {
    const b = await broadcastSummary(reads, c.req.param("id"));
    if (!b) return c.notFound();
    return c.html(<Progress admin={c.get("admin")} b={b} />);
  });
}
