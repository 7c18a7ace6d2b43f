/**
 * The back office's style sheet, served at /admin/assets/admin.css. It is a module rather than a
 * .css file so that the compiled build (dist/) and the Docker image carry it without a copy step.
 * Plain CSS, no framework: readable on a phone (one column under 700px), light and dark.
 */
export const ADMIN_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --fg: #1c1e21; --muted: #65676b; --card: #fff; --line: #dcdfe4;
  --accent: #2563eb; --ok: #15803d; --warn: #b45309; --bad: #b91c1c;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181c; --fg: #e4e6eb; --muted: #a0a4ab; --card: #1f2227; --line: #343840; --accent: #60a5fa; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .6rem; }
code { font-size: .9em; overflow-wrap: anywhere; }
.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; background: var(--card); border-bottom: 1px solid var(--line); }
.brand { font-weight: 600; text-decoration: none; color: var(--fg); }
.top nav { display: flex; flex-wrap: wrap; gap: .2rem; flex: 1; }
.top nav a { padding: .3rem .6rem; border-radius: 6px; text-decoration: none; }
.top nav a.current { background: var(--accent); color: #fff; }
.signout { display: flex; gap: .5rem; align-items: center; margin: 0; }
.who { color: var(--muted); font-size: .9rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; margin: 0 0 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 1rem; }
.stat { display: flex; flex-direction: column; text-decoration: none; color: var(--fg); }
.stat strong { font-size: 2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; background: var(--card); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .85rem; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.break { overflow-wrap: anywhere; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.row form { margin: 0; }
.stack { display: flex; flex-direction: column; gap: .7rem; }
.stack label { display: flex; flex-direction: column; gap: .25rem; }
.search { display: flex; gap: .5rem; margin-bottom: 1rem; }
.search input { flex: 1; }
input, select, textarea, button { font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); max-width: 100%; }
textarea { width: 100%; }
button { cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { border-color: var(--bad); color: var(--bad); }
button.link { border: 0; background: none; color: var(--accent); padding: 0; text-decoration: underline; }
.hint, .empty { color: var(--muted); font-size: .9rem; }
.notice { padding: .6rem .8rem; border-radius: 8px; border: 1px solid; }
.notice.ok { border-color: var(--ok); color: var(--ok); }
.notice.warn { border-color: var(--warn); color: var(--warn); }
.ok { color: var(--ok); } .bad { color: var(--bad); }
.tag { display: inline-block; padding: 0 .45rem; border-radius: 999px; border: 1px solid var(--line); font-size: .85rem; }
.tag.unknown, .tag.failed { border-color: var(--bad); color: var(--bad); }
.tag.placed, .tag.done { border-color: var(--ok); color: var(--ok); }
.timeline { padding-left: 1.2rem; }
.timeline time { color: var(--muted); font-size: .85rem; margin-right: .4rem; }
.receipt-body { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: .8rem; }
.receipt img { max-width: 260px; max-height: 260px; border-radius: 6px; border: 1px solid var(--line); }
.decision.approved { color: var(--ok); } .decision.rejected { color: var(--bad); }
.preview .message { white-space: pre-wrap; background: var(--bg); padding: .6rem; border-radius: 8px; }
.pager { display: flex; justify-content: space-between; align-items: center; margin: 1rem 0; }
.plain main { max-width: 520px; margin-top: 10vh; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
td.bad { color: var(--bad); }
.bulk { margin-top: .6rem; align-items: end; }
.bulk label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
.ranges { display: flex; gap: .3rem; margin: 0 0 .8rem; }
.ranges a { padding: .25rem .7rem; border: 1px solid var(--line); border-radius: 6px; text-decoration: none; }
.ranges a.current { background: var(--accent); border-color: var(--accent); color: #fff; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 1rem; }
.chart { margin: 0 0 1rem; min-width: 0; }
.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
.chart-box { min-height: 180px; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 1rem; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem; align-items: end; margin: 0 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
.refusal { font-size: 1.1rem; }
@media (max-width: 700px) {
  .top { justify-content: space-between; }
  .top nav { order: 3; flex-basis: 100%; }
  main { padding: .7rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dt { margin-top: .4rem; }
  .receipt img { max-width: 100%; }
}
`;
