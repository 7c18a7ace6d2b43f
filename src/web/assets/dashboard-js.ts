/**
 * The dashboard's script, served at /admin/assets/dashboard.js after uPlot. It reads each chart's
 * data from its data-chart attribute (JSON, never executed) and draws it; no inline script, no
 * eval, so it runs under the CSP's script-src 'self'. A module rather than a .js file for the same
 * reason as admin-css.ts. Marks each drawn chart with data-drawn="<points>" (the browser tests wait
 * for it).
 */
export const DASHBOARD_JS = `"use strict";
(function () {
  var DAY = 86400;
  function toSeconds(day) { return Date.parse(day + "T00:00:00Z") / 1000; }
  function draw(box) {
    var data = JSON.parse(box.getAttribute("data-chart"));
    var xs = data.days.map(toSeconds);
    var ys = data.values.map(Number);
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue("--accent").trim() || "#2563eb";
    var muted = style.getPropertyValue("--muted").trim() || "#65676b";
    var axis = { stroke: muted, grid: { stroke: "rgba(128,128,128,.15)" }, ticks: { stroke: "rgba(128,128,128,.3)" } };
    var width = Math.max(240, box.clientWidth);
    var opts = {
      width: width,
      height: 180,
      legend: { show: false },
      cursor: { y: false },
      scales: { x: { time: true, range: [xs[0] - DAY / 2, xs[xs.length - 1] + DAY / 2] } },
      axes: [axis, Object.assign({ size: 60 }, axis)],
      series: [{}, { label: data.label, stroke: accent, fill: accent + "33", width: 2, paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } }]
    };
    box.textContent = "";
    var chart = new uPlot(opts, [xs, ys], box);
    box.setAttribute("data-drawn", String(xs.length));
    return chart;
  }
  function start() {
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (box) { charts.push([box, draw(box)]); });
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { c[1].setSize({ width: Math.max(240, c[0].clientWidth), height: 180 }); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
