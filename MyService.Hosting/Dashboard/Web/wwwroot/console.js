// Console logs of one resource: follows new lines, stderr in red, a search that filters what is shown.
"use strict";
Dashboard.page("console", {
  mount(main, [resource]) {
    const { el } = Dashboard;
    const select = el("select", { id: "console-resource", onchange: (e) => location.hash = "#/console/" + encodeURIComponent(e.target.value) });
    const search = el("input", { id: "console-search", placeholder: "search", oninput: () => render(state) });
    const pre = el("pre", { class: "console", id: "console" });
    main.append(el("h2", {}, "Console logs"), el("div", { class: "toolbar" }, select, search), pre);
    const state = { resource, select, search, pre, lines: [], last: 0 };
    const render = (s) => {
      const q = s.search.value.toLowerCase();
      const follow = s.pre.scrollTop + s.pre.clientHeight >= s.pre.scrollHeight - 20;
      s.pre.replaceChildren(...s.lines.filter(l => !q || l.content.toLowerCase().includes(q))
        .map(l => el("div", { class: l.isErrorMessage ? "err" : "" }, `${new Date(l.timestamp).toLocaleTimeString()}  ${l.content}`)));
      if (follow) s.pre.scrollTop = s.pre.scrollHeight;
    };
    state.render = render;
    return state;
  },
  async refresh(state) {
    const { el, api } = Dashboard;
    const resources = await api("/api/resources");
    if (!state.resource && resources.length) state.resource = resources[0].name;
    if (state.select.options.length !== resources.length) {
      state.select.replaceChildren(...resources.map(r => el("option", { value: r.name }, r.name)));
    }
    state.select.value = state.resource;
    const page = await api(`/api/console/${encodeURIComponent(state.resource)}?after=${state.last}`);
    if (page.lines.length) {
      state.lines.push(...page.lines);
      state.lines = state.lines.slice(-5000);
      state.last = page.last;
      state.render(state);
    } else if (!state.lines.length) {
      state.pre.replaceChildren(el("div", {}, `No console output from ${state.resource} yet.`));
    }
  },
});
