// Resources: state, health, endpoints, environment (secrets arrive masked), health reports, stop/start/restart.
"use strict";
Dashboard.page("resources", {
  mount(main) {
    const { el } = Dashboard;
    const body = el("tbody");
    main.append(el("h2", {}, "Resources"), el("table", { id: "resources" },
      el("thead", {}, el("tr", {}, ["Name", "Type", "State", "Health", "Started", "Restarts", "Endpoints", "Details", "Actions"].map(h => el("th", {}, h)))),
      body));
    return { body, open: new Set() };
  },
  async refresh(state) {
    const { el, api, time } = Dashboard;
    const resources = await api("/api/resources");
    state.body.replaceChildren(...resources.map(r => {
      const command = (name) => el("button", { "data-command": name, onclick: async (e) => {
        e.target.disabled = true;
        try { await api(`/api/resources/${encodeURIComponent(r.name)}/${name}`, { method: "POST" }); }
        catch (err) { alert(err.message); } finally { e.target.disabled = false; }
      } }, name);
      const details = el("details", { ontoggle: (e) => e.target.open ? state.open.add(r.name) : state.open.delete(r.name) },
        el("summary", {}, "environment & health"),
        el("div", { class: "kv mono" }, Object.entries(r.environment).sort().flatMap(([k, v]) => [el("span", {}, k), el("span", {}, v)])),
        el("div", {}, (r.healthReports || []).map(h => el("div", { class: h.status }, `${time(h.time)} ${h.status}: ${h.description}`))));
      if (state.open.has(r.name)) details.open = true;
      return el("tr", { "data-resource": r.name },
        el("td", {}, el("a", { href: `#/console/${encodeURIComponent(r.name)}` }, r.name)),
        el("td", {}, r.resourceType),
        el("td", { class: "state " + r.state }, r.state, r.stateReason ? el("div", { class: "muted" }, r.stateReason) : null),
        el("td", { class: "health " + r.health }, r.health === "Unknown" ? "" : r.health),
        el("td", {}, r.startTime ? time(r.startTime) : ""),
        el("td", { class: "restarts" }, r.restartCount),
        el("td", {}, r.urls.map(u => el("div", {}, el("a", { href: u, target: "_blank", rel: "noopener" }, u)))),
        el("td", {}, details),
        el("td", {}, ["stop", "start", "restart"].map(command)));
    }));
  },
});
