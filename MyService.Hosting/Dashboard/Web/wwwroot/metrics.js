// Metrics: a resource's instruments, and a chart of one over time with the series (dimensions) to show.
"use strict";
Dashboard.page("metrics", {
  mount(main, [resource, instrument]) {
    const { el } = Dashboard;
    const pick = el("select", { id: "metrics-resource", onchange: (e) => location.hash = "#/metrics/" + encodeURIComponent(e.target.value) });
    const list = el("ul", { id: "instruments" });
    const chart = el("div", { id: "chart" });
    const dims = el("select", { id: "metrics-series" }, el("option", { value: "" }, "all series"));
    main.append(el("h2", {}, "Metrics"), el("div", { class: "toolbar" }, pick, instrument ? dims : null),
      el("div", { style: "display:grid;grid-template-columns:300px 1fr;gap:16px" }, list, chart));
    return { resource, instrument, pick, list, chart, dims };
  },
  async refresh(s) {
    const { el, api } = Dashboard;
    const resources = (await api("/api/resources")).map(r => r.name);
    if (!s.resource && resources.length) s.resource = resources.includes("api") ? "api" : resources[0];
    if (s.pick.options.length !== resources.length) s.pick.replaceChildren(...resources.map(r => el("option", { value: r }, r)));
    s.pick.value = s.resource;
    const data = await api("/api/metrics/" + encodeURIComponent(s.resource));
    if (!data.instruments.length) {
      s.list.replaceChildren();
      s.chart.replaceChildren(el("div", { class: "empty" }, `No metrics yet from ${s.resource}. Services report every second once they export to the OTLP endpoint.`));
      return;
    }
    s.list.replaceChildren(...data.instruments.map(i => el("li", {}, el("a", {
      href: `#/metrics/${encodeURIComponent(s.resource)}/${encodeURIComponent(i.name)}`, class: i.name === s.instrument ? "state" : "" }, i.name),
      el("div", { class: "muted" }, `${i.type}${i.unit ? " · " + i.unit : ""}`))));
    if (!s.instrument) { s.chart.replaceChildren(el("div", { class: "empty" }, "Choose an instrument to chart it.")); return; }
    const metric = await api(`/api/metrics/${encodeURIComponent(s.resource)}/${encodeURIComponent(s.instrument)}`);
    const keys = metric.series.map(x => x.key);
    if ([...s.dims.options].length - 1 !== keys.length) {
      const current = s.dims.value;
      s.dims.replaceChildren(el("option", { value: "" }, "all series"), ...keys.map(k => el("option", { value: k }, k || "(no attributes)")));
      s.dims.value = keys.includes(current) ? current : "";
    }
    const shown = metric.series.filter(x => !s.dims.value || x.key === s.dims.value);
    s.chart.replaceChildren(el("h3", {}, metric.name, el("span", { class: "muted" }, ` ${metric.description || ""} ${metric.unit ? "(" + metric.unit + ")" : ""}${metric.type === "histogram" ? " · mean" : ""}`)),
      chartSvg(shown), legend(shown));
  },
});

function chartSvg(series) {
  const W = 760, H = 300, P = 44, ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`); svg.setAttribute("class", "chart"); svg.setAttribute("width", W); svg.setAttribute("height", H);
  const points = series.flatMap(x => x.points.map(p => [Date.parse(p.time), p.value]));
  if (!points.length) return svg;
  const [x0, x1] = [Math.min(...points.map(p => p[0])), Math.max(...points.map(p => p[0]))];
  const [y0, y1] = [Math.min(0, ...points.map(p => p[1])), Math.max(...points.map(p => p[1]), 1e-9)];
  const sx = t => P + (t - x0) / Math.max(x1 - x0, 1) * (W - 2 * P);
  const sy = v => H - P + 10 - (v - y0) / Math.max(y1 - y0, 1e-9) * (H - 2 * P);
  const add = (tag, attrs, text) => { const n = document.createElementNS(ns, tag); Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v)); if (text) n.textContent = text; svg.append(n); };
  add("line", { x1: P, y1: sy(y0), x2: W - P, y2: sy(y0), stroke: "#999" });
  add("line", { x1: P, y1: sy(y1), x2: P, y2: sy(y0), stroke: "#999" });
  add("text", { x: 4, y: sy(y1) + 4, "font-size": 11 }, formatNumber(y1));
  add("text", { x: 4, y: sy(y0), "font-size": 11 }, formatNumber(y0));
  add("text", { x: P, y: H - 6, "font-size": 11 }, new Date(x0).toLocaleTimeString());
  add("text", { x: W - P - 60, y: H - 6, "font-size": 11 }, new Date(x1).toLocaleTimeString());
  series.forEach((x, i) => add("polyline", { fill: "none", stroke: Dashboard.palette[i % Dashboard.palette.length], "stroke-width": 2, "data-series": x.key,
    points: x.points.map(p => `${sx(Date.parse(p.time)).toFixed(1)},${sy(p.value).toFixed(1)}`).join(" ") }));
  // A dot on each series' latest point: a series with one point so far has no line to draw.
  series.forEach((x, i) => { const last = x.points[x.points.length - 1]; if (last) add("circle", { cx: sx(Date.parse(last.time)).toFixed(1), cy: sy(last.value).toFixed(1), r: 3, fill: Dashboard.palette[i % Dashboard.palette.length] }); });
  return svg;
}

function legend(series) {
  const { el } = Dashboard;
  return el("div", { class: "legend" }, series.map((x, i) => el("span", {}, el("i", { style: `background:${Dashboard.palette[i % Dashboard.palette.length]}` }), x.key || "(no attributes)")));
}

function formatNumber(v) { return Math.abs(v) >= 1000 ? v.toExponential(2) : Number(v.toPrecision(4)).toString(); }
