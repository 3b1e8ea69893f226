// Traces: a filterable list, and one trace as a waterfall of its spans across services with their details.
"use strict";
Dashboard.page("traces", {
  mount(main, [traceId]) {
    const { el, query, setQuery } = Dashboard;
    if (traceId) {
      const waterfall = el("div", { class: "waterfall", id: "waterfall" });
      const detail = el("div", { class: "panel", id: "span-detail" }, "Select a span to see its attributes and events.");
      main.append(el("h2", {}, "Trace ", el("span", { class: "mono" }, traceId)), el("a", { href: "#/traces" }, "← all traces"), waterfall, detail);
      return { traceId, waterfall, detail, shown: 0 };
    }
    const q = query();
    const resource = el("select", { id: "traces-resource" }, el("option", { value: "" }, "all resources"));
    const status = el("select", { id: "traces-status" }, [["", "all"], ["error", "with errors"], ["ok", "without errors"]].map(([v, t]) => el("option", { value: v }, t)));
    status.value = q.get("status") || "";
    [resource, status].forEach(c => c.addEventListener("change", () => setQuery({ resource: resource.value, status: status.value })));
    const body = el("tbody");
    const empty = el("div", { class: "empty", hidden: "" });
    main.append(el("h2", {}, "Traces"), el("div", { class: "toolbar" }, resource, status), empty,
      el("table", { id: "traces" }, el("thead", {}, el("tr", {}, ["Time", "Name", "Resources", "Duration", "Spans", "Errors"].map(h => el("th", {}, h)))), body));
    return { resource, status, body, empty, wanted: q.get("resource") || "" };
  },
  async refresh(s) {
    return s.traceId ? renderTrace(s) : renderList(s);
  },
});

async function renderList(s) {
  const { el, api, time, ms } = Dashboard;
  const data = await api("/api/traces?" + new URLSearchParams({ resource: s.resource.value || s.wanted, status: s.status.value }));
  Dashboard.syncOptions(s.resource, data.resources, s.wanted);
  s.empty.hidden = data.traces.length > 0;
  s.empty.textContent = data.resources.length === 0 ? "No traces yet. Send a request to a service to see one." : "No traces match these filters.";
  s.body.replaceChildren(...data.traces.map(t => el("tr", { class: "clickable", "data-trace": t.traceId, onclick: () => location.hash = "#/traces/" + t.traceId },
    el("td", { class: "mono" }, time(t.start)), el("td", {}, t.name), el("td", {}, t.resources.join(", ")),
    el("td", {}, ms(t.durationMs)), el("td", {}, t.spanCount), el("td", { class: t.errorCount ? "error" : "" }, t.errorCount || ""))));
}

async function renderTrace(s) {
  const { el, api, ms } = Dashboard;
  const { spans } = await api("/api/traces/" + encodeURIComponent(s.traceId));
  if (spans.length === s.shown) return;
  s.shown = spans.length;
  if (!spans.length) { s.waterfall.replaceChildren(el("div", { class: "empty" }, "This trace has no spans (yet, or any more: the store keeps the newest).")); return; }
  const start = Math.min(...spans.map(x => Date.parse(x.start)));
  const end = Math.max(...spans.map(x => Date.parse(x.end)));
  const total = Math.max(end - start, 1);
  const services = [...new Set(spans.map(x => x.resource))];
  // Red is kept for errors (outlined), so services take the chart palette.
  const color = r => Dashboard.palette[services.indexOf(r) % Dashboard.palette.length];
  const ids = new Set(spans.map(x => x.spanId));
  const children = new Map();
  spans.forEach(x => { const p = ids.has(x.parentSpanId) ? x.parentSpanId : null; children.set(p, [...(children.get(p) || []), x]); });
  const rows = [];
  const walk = (parent, depth) => (children.get(parent) || []).forEach(x => { rows.push([x, depth]); walk(x.spanId, depth + 1); });
  walk(null, 0);
  s.waterfall.replaceChildren(...rows.map(([x, depth]) => el("div", { class: "row", "data-span": x.spanId, onclick: () => showSpan(s, x) },
    el("div", { style: `padding-left:${depth * 14}px` }, el("span", { class: "muted" }, x.resource + " "), x.name),
    el("div", { class: "bar-track" }, el("div", { class: "bar" + (x.isError ? " error" : ""),
      style: `left:${(Date.parse(x.start) - start) / total * 100}%;width:${Math.max((Date.parse(x.end) - Date.parse(x.start)) / total * 100, 0.3)}%;background:${color(x.resource)}` })),
    el("div", { class: "mono" }, ms(x.durationMs)))));
}

function showSpan(s, x) {
  const { el, ms, time } = Dashboard;
  s.detail.replaceChildren(...[el("h3", {}, `${x.resource}: ${x.name}`),
    el("div", { class: "kv mono" }, [["kind", x.kind], ["duration", ms(x.durationMs)], ["status", x.isError ? "Error " + (x.statusMessage || "") : "Unset/Ok"],
      ["span id", x.spanId], ["parent", x.parentSpanId || "(root)"], ["scope", x.scope], ...x.attributes.map(a => [a.key, a.value])]
      .flatMap(([k, v]) => [el("span", {}, k), el("span", {}, v)])),
    x.events.length ? el("div", {}, el("h4", {}, "Events"), x.events.map(e => el("div", { class: "mono" }, `${time(e.time)} ${e.name} ${e.attributes.map(a => a.key + "=" + a.value).join(" ")}`))) : null]
    .filter(Boolean));
}
