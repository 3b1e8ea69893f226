// Structured logs from every service: filter by resource, minimum level and text; attributes; link to the trace.
"use strict";
Dashboard.page("logs", {
  mount(main) {
    const { el, query, setQuery } = Dashboard;
    const q = query();
    const resource = el("select", { id: "logs-resource" }, el("option", { value: "" }, "all resources"));
    const level = el("select", { id: "logs-level" }, ["Trace", "Debug", "Information", "Warning", "Error", "Critical"].map(l => el("option", { value: l }, l)));
    const text = el("input", { id: "logs-text", placeholder: "filter text", value: q.get("q") || "" });
    level.value = q.get("level") || "Trace";
    const body = el("tbody");
    const empty = el("div", { class: "empty", hidden: "" });
    const save = () => setQuery({ resource: resource.value, level: level.value, q: text.value });
    [resource, level, text].forEach(c => c.addEventListener("change", save));
    main.append(el("h2", {}, "Structured logs"), el("div", { class: "toolbar" }, resource, level, text), empty,
      el("table", { id: "logs" }, el("thead", {}, el("tr", {}, ["Time", "Resource", "Level", "Message", "Trace"].map(h => el("th", {}, h)))), body));
    return { resource, level, text, body, empty, wanted: q.get("resource") || "" };
  },
  async refresh(s) {
    const { el, api, time } = Dashboard;
    const params = new URLSearchParams({ resource: s.resource.value || s.wanted, level: s.level.value, q: s.text.value });
    const data = await api("/api/logs?" + params);
    Dashboard.syncOptions(s.resource, data.resources, s.wanted);
    s.empty.hidden = data.entries.length > 0;
    s.empty.textContent = data.resources.length === 0
      ? "No telemetry yet. Services send logs to the OTLP endpoint once they run with OTEL_EXPORTER_OTLP_ENDPOINT set (the AppHost does this)."
      : `No log entries match${s.resource.value ? " for " + s.resource.value : ""}. Widen the level or clear the text filter.`;
    s.body.replaceChildren(...data.entries.map(e => el("tr", {},
      el("td", { class: "mono" }, time(e.timestamp)),
      el("td", {}, e.resource),
      el("td", { class: e.level }, e.level),
      el("td", {}, el("div", {}, e.message),
        e.attributes.length ? el("details", {}, el("summary", {}, `${e.attributes.length} attributes · ${e.category}`),
          el("div", { class: "kv mono" }, e.attributes.flatMap(a => [el("span", {}, a.key), el("span", {}, a.value)]))) : null),
      el("td", {}, e.traceId ? el("a", { class: "mono", href: `#/traces/${e.traceId}` }, e.traceId.slice(0, 8)) : ""))));
  },
});

