// The dashboard shell: routing by location hash, polling the current page every second, small DOM helpers.
"use strict";
const Dashboard = (() => {
  const pages = {};
  let timer = null, generation = 0;

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null) node.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  };

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { "X-Dashboard-Request": "1", ...(options.headers || {}) } });
    if (response.status === 401) { location.href = "/login"; throw new Error("not logged in"); }
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || response.statusText);
    return response.json();
  }

  const time = t => new Date(t).toLocaleTimeString();
  const ms = v => v < 1 ? v.toFixed(2) + " ms" : v < 1000 ? v.toFixed(1) + " ms" : (v / 1000).toFixed(2) + " s";
  const query = () => new URLSearchParams(location.hash.split("?")[1] || "");
  const setQuery = (params) => { const [path] = location.hash.split("?"); history.replaceState(null, "", path + "?" + new URLSearchParams(params)); };
  const status = text => document.getElementById("status").textContent = text;

  function route() {
    const [path] = (location.hash.slice(1) || "/resources").split("?");
    const [, name, ...rest] = path.split("/");
    const page = pages[name] || pages.resources;
    document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.page === name));
    clearInterval(timer);
    const mine = ++generation;
    const main = document.getElementById("main");
    main.replaceChildren();
    const state = page.mount(main, rest.map(decodeURIComponent)) || {};
    const tick = async () => {
      if (mine !== generation) return;
      try { await page.refresh(state); status("live · " + new Date().toLocaleTimeString()); }
      catch (e) { status("update failed: " + e.message); }
    };
    tick();
    timer = setInterval(tick, 1000);
  }

  // Series and services colours; red is kept for errors.
  const palette = ["#5b3fd6", "#1a7f37", "#0969da", "#9a6700", "#1b7c83", "#8250df", "#bf3989", "#6e7781"];

  // Refills a resource filter when the set of resources changes, keeping the choice.
  function syncOptions(select, values, wanted) {
    const current = select.value || wanted;
    const have = [...select.options].map(o => o.value).slice(1).join();
    if (have !== values.join()) {
      select.replaceChildren(el("option", { value: "" }, "all resources"), ...values.map(v => el("option", { value: v }, v)));
    }
    if (values.includes(current)) select.value = current;
  }

  return {
    el, api, time, ms, query, setQuery, palette, syncOptions,
    page: (name, impl) => { pages[name] = impl; },
    start: () => { window.addEventListener("hashchange", route); route(); },
  };
})();
