// Lockstep workbench: a small single-page UI over the JSON API (/api/, see openapi.json).
// Every value from posts is attacker-written: it is only ever set with textContent (through el()),
// never as markup; links are built here from ids (never taken from posts) and only to https pages.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";

type Json = any;

let csrf: string | null = null;
let me: { user: string; role: string } | null = null;
let renderer: Sigma | null = null;

const main = document.getElementById("main") as HTMLElement;

// ---------- DOM helpers: text only ----------

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) throw new Error("no inline handlers");
    e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/** An in-app link (hash route); the target is encoded, so an id can never become a URL of its own. */
function route(label: string, ...parts: string[]): HTMLElement {
  const a = el("a", { href: "#/" + parts.map(encodeURIComponent).join("/") }, label);
  return a;
}

/** A link to a post on its platform: only https URLs the server built from the post id. */
function external(label: string, url: unknown): Node {
  if (typeof url !== "string" || !/^https:\/\/(x\.com|www\.facebook\.com)\/[A-Za-z0-9/_.-]+$/.test(url)) return document.createTextNode("");
  return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, label);
}

function table(headers: string[], rows: (Node | string)[][]): HTMLElement {
  return el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c))))));
}

function labelTag(l: unknown): Node {
  if (typeof l !== "string") return document.createTextNode("");
  return el("span", { class: "tag label-" + (["coordinated", "benign", "unsure"].includes(l) ? l : "unsure") }, l);
}

/** The labels of a group's members, counted: "2 coordinated 1 unsure" as tags, or "none". */
function memberLabels(m: unknown): Node {
  const box = el("span", { class: "member-labels" });
  const counts = (m && typeof m === "object") ? m as Record<string, unknown> : {};
  for (const l of ["coordinated", "benign", "unsure"]) {
    const n = Number(counts[l] || 0);
    if (n > 0) box.append(text(n) + " ", labelTag(l), " ");
  }
  if (!box.childNodes.length) box.append(el("span", { class: "muted" }, "none"));
  return box;
}

/** An account link followed by its label (if any). */
function accountWithLabel(id: unknown, label: unknown): Node {
  const box = el("span", {}, route(text(id), "account", text(id)));
  if (typeof label === "string") box.append(" ", labelTag(label));
  return box;
}

function bars(values: number[], width = 600, height = 80): SVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "bars");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  const max = Math.max(1, ...values);
  const w = width / Math.max(1, values.length);
  values.forEach((v, i) => {
    const r = document.createElementNS(ns, "rect");
    const h = (v / max) * (height - 2);
    r.setAttribute("x", String(i * w));
    r.setAttribute("y", String(height - h));
    r.setAttribute("width", String(Math.max(1, w - 1)));
    r.setAttribute("height", String(h));
    svg.append(r);
  });
  return svg;
}

// ---------- API ----------

class ApiError extends Error {
  constructor(public status: number, message: string) { super(message); }
}

async function api(method: string, path: string, body?: unknown): Promise<Json> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const t = await r.text();
  let j: Json = null;
  try { j = t ? JSON.parse(t) : null; } catch { j = null; }
  if (!r.ok) {
    if (r.status === 401 && path !== "/api/login") { me = null; csrf = null; location.hash = "#/login"; }
    throw new ApiError(r.status, (j && j.error) || r.statusText);
  }
  return j;
}

// ---------- labels ----------

function labelForm(kind: string, id: string, history: Json[] | null, onDone: () => void): HTMLElement {
  const box = el("div", { class: "labels" });
  box.append(el("h2", {}, "Label"));
  if (history && history.length) {
    box.append(table(["label", "note", "by", "when"], history.map((h: Json) => [labelTag(h.label), text(h.note), text(h.author), text(h.created_at)])));
  } else {
    box.append(el("p", { class: "muted" }, "Not labelled yet."));
  }
  if (me && (me.role === "analyst" || me.role === "admin")) {
    const select = el("select", { name: "label" }, ...["coordinated", "benign", "unsure"].map((l) => el("option", { value: l }, l))) as HTMLSelectElement;
    const note = el("input", { name: "note", placeholder: "note", size: "40" }) as HTMLInputElement;
    const save = el("button", { type: "submit" }, "Save label");
    const msg = el("span", { class: "msg" });
    const form = el("form", { class: "inline", "data-kind": kind }, select, note, save, msg);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        await api("POST", "/api/labels", { kind, id, label: select.value, note: note.value });
        onDone();
      } catch (e) {
        msg.textContent = "Not saved: " + (e as Error).message;
        msg.className = "error";
      }
    });
    box.append(form);
  } else {
    box.append(el("p", { class: "muted" }, "Viewers cannot label."));
  }
  return box;
}

// ---------- pages ----------

async function pageLogin(): Promise<void> {
  const user = el("input", { name: "user", autocomplete: "username" }) as HTMLInputElement;
  const pw = el("input", { name: "password", type: "password", autocomplete: "current-password" }) as HTMLInputElement;
  const msg = el("p", { class: "error", id: "login-error" });
  const form = el("form", { class: "login", id: "login" }, el("h1", {}, "Log in"),
    el("label", {}, "User ", user), el("label", {}, "Password ", pw), el("button", { type: "submit" }, "Log in"), msg);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      const r = await api("POST", "/api/login", { user: user.value, password: pw.value });
      csrf = r.csrf;
      me = { user: r.user, role: r.role };
      header();
      location.hash = "#/";
    } catch (e) {
      msg.textContent = (e as ApiError).status === 429 ? "Too many failed logins; wait and try again." : "Wrong user name or password.";
    }
  });
  main.replaceChildren(form);
}

async function pageOverview(): Promise<void> {
  const c = await api("GET", "/api/case");
  const t = c.totals || {};
  main.replaceChildren(
    el("h1", {}, "Case overview"),
    el("div", { class: "cards" },
      el("div", { class: "card" }, el("b", {}, text(t.posts)), "posts"),
      el("div", { class: "card" }, el("b", {}, text(t.accounts)), "accounts"),
      el("div", { class: "card" }, el("b", {}, text(t.first_post).slice(0, 10)), "first post"),
      el("div", { class: "card" }, el("b", {}, text(t.last_post).slice(0, 10)), "last post")),
    el("h2", {}, "Posts per day"),
    bars((c.volume || []).map((v: Json) => v.posts)),
    el("div", { class: "grid" },
      el("div", {}, el("h2", {}, "Platforms"), table(["platform", "posts"], c.platforms.map((p: Json) => [text(p.platform), text(p.posts)]))),
      el("div", {}, el("h2", {}, "Top hashtags"), table(["hashtag", "posts"], c.hashtags.map((p: Json) => [text(p.hashtag), text(p.posts)]))),
      el("div", {}, el("h2", {}, "Top domains"), table(["domain", "posts", "label"], c.domains.map((p: Json) => [text(p.domain), text(p.posts), labelTag(p.label)]))),
      el("div", {}, el("h2", {}, "Top links"), table(["link (not opened)", "posts"], c.links.map((p: Json) => [text(p.link), text(p.posts)])))),
    el("h2", {}, "Runs"),
    table(["run", "command", "status", "started", "finished", "by"], c.runs.map((r: Json) =>
      [text(r.run_id), text(r.command), text(r.status), text(r.started_at), text(r.finished_at), text(r.author)])));
}

const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990", "#800000"];

async function pageNetwork(): Promise<void> {
  const net = await api("GET", "/api/network");
  const nodes: Json[] = net.nodes;
  const edges: Json[] = net.edges;
  const search = el("input", { id: "node-search", placeholder: "search account or handle" }) as HTMLInputElement;
  const groups = Array.from(new Set(nodes.map((n) => n.group_id))).sort((a, b) => a - b);
  const groupSel = el("select", { id: "group-filter" }, el("option", { value: "" }, "all groups"),
    ...groups.map((g) => el("option", { value: String(g) }, "group " + g))) as HTMLSelectElement;
  const signals = Array.from(new Set(edges.flatMap((e) => text(e.signals).split(/[ ,;|]+/).filter((s) => s)))).sort();
  const signalSel = el("select", { id: "signal-filter" }, el("option", { value: "" }, "all signals"),
    ...signals.map((s) => el("option", { value: s }, s))) as HTMLSelectElement;
  const maxP = el("input", { id: "p-filter", type: "number", step: "any", min: "0", max: "1", placeholder: "max p-value" }) as HTMLInputElement;
  const count = el("span", { class: "muted" });
  const box = el("div", { id: "graph" });
  const list = el("div", { id: "node-list" });
  main.replaceChildren(el("h1", {}, "Coordination network"), el("p", { class: "muted" }, "Run " + text(net.run) + ". Click a node to open the account."),
    el("div", { class: "controls" }, search, groupSel, signalSel, maxP, count), box, el("h2", {}, "Accounts"), list);
  if (renderer) { renderer.kill(); renderer = null; }
  // the graph is built once; filters only hide (sigma's reducers), so a filter costs one redraw
  const graph = new Graph({ multi: false, type: "undirected" });
  for (const n of nodes) {
    graph.addNode(n.id, {
      x: n.x, y: n.y, size: 2 + Math.min(5, Math.sqrt(n.degree || 1)),
      color: n.label === "coordinated" ? "#d00000" : n.label === "benign" ? "#2e7d32" : PALETTE[Math.abs(n.group_id) % PALETTE.length],
      label: n.handle ? "@" + n.handle : n.id,
    });
  }
  const edgeData = new Map<string, Json>();
  for (const e of edges) if (graph.hasNode(e.a) && graph.hasNode(e.b) && !graph.hasEdge(e.a, e.b)) {
    edgeData.set(graph.addEdge(e.a, e.b, { size: Math.min(3, 0.5 + Math.log1p(e.weight || 1) / 2), color: "#b8c2cc" }), e);
  }
  let shownNodes = new Set<string>();
  let shownEdges = new Set<string>();
  let all = true; // nothing filtered: the reducers pass every item through untouched
  /** Applies the search and the filters to the sets the reducers read, the count and the list below the graph. */
  const select = () => {
    const q = search.value.trim().toLowerCase();
    const g = groupSel.value;
    const s = signalSel.value;
    const p = maxP.value === "" ? null : Number(maxP.value);
    const filtered = g !== "" || s !== "" || p !== null;
    all = !filtered && q === "";
    const keepEdges = new Set<string>();
    const touched = new Set<string>();
    for (const [key, e] of edgeData) {
      if ((g === "" || String(e.group_id) === g) && (s === "" || text(e.signals).includes(s)) && (p === null || (e.p_value ?? 0) <= p)) {
        keepEdges.add(key);
        touched.add(e.a);
        touched.add(e.b);
      }
    }
    const shown = all ? nodes : nodes.filter((n) => (!filtered || touched.has(n.id))
      && (q === "" || text(n.id).toLowerCase().includes(q) || text(n.handle).toLowerCase().includes(q)));
    shownNodes = new Set(shown.map((n) => n.id));
    shownEdges = all ? keepEdges : new Set([...keepEdges].filter((k) => shownNodes.has(graph.source(k)) && shownNodes.has(graph.target(k))));
    count.textContent = shown.length + " accounts, " + shownEdges.size + " edges";
    list.replaceChildren(table(["account", "handle", "group", "degree", "label"], shown.slice(0, 200).map((n) =>
      [route(text(n.id), "account", n.id), text(n.handle), route("group " + n.group_id, "group", String(n.group_id)), text(n.degree), labelTag(n.label)])));
  };
  // The renderer is made after the first selection, so the graph is processed once at start (not once by
  // the constructor and again by a refresh). Kept cheap for 10,000 nodes without a GPU (software WebGL,
  // NetworkScaleBench): nodes as points and edges as 1-pixel lines (sigma's cheapest programs), edges and
  // labels not drawn while the view moves (and less besides: cheapWhileMoving), and the zoom bounded (in:
  // until neighbouring accounts are some hundred pixels apart; out: 3 times the whole network), since
  // zooming thousands of times deeper only makes discs the size of the screen.
  select();
  renderer = new Sigma(graph, box, {
    renderEdgeLabels: false, labelRenderedSizeThreshold: 6, hideEdgesOnMove: true, hideLabelsOnMove: true,
    defaultNodeType: "point", nodeProgramClasses: { point: NodePointProgram }, edgeProgramClasses: { line: EdgeLineProgram },
    minCameraRatio: Math.min(0.3, 4 / Math.sqrt(Math.max(1, nodes.length))), maxCameraRatio: 3,
    nodeReducer: (node: string, data: Json) => (all || shownNodes.has(node) ? data : { ...data, hidden: true }),
    edgeReducer: (edge: string, data: Json) => (all || shownEdges.has(edge) ? data : { ...data, hidden: true }),
  } as any);
  cheapWhileMoving(renderer);
  moveAsPicture(renderer);
  (renderer as any).on("clickNode", (ev: { node: string }) => { location.hash = "#/account/" + encodeURIComponent(ev.node); });
  const draw = () => { if (!box.isConnected) return; select(); renderer?.refresh(); };
  for (const c of [groupSel, signalSel, maxP]) c.addEventListener("input", draw);
  // typing in the search box redraws once the typing pauses, not on every key
  let typing: number | undefined;
  search.addEventListener("input", () => { clearTimeout(typing); typing = window.setTimeout(draw, 150); });
}

/**
 * Less work per frame while the view moves, for 10,000 nodes without a GPU (software WebGL). sigma 3.0.3
 * hides edges and labels while moving (settings above) but still clears all six of its canvases on every
 * frame and draws the picking pass (the off-screen image that finds the node under the pointer). While the
 * view moves, this clears only the nodes' canvas (after one full clear when the move starts, or when a node
 * is hovered), hides the other layers, so that the compositor does not blend five empty full-size canvases,
 * and skips the picking pass. All comes back when the view stops (sigma then draws everything). Relies on
 * sigma's internals, hence the pinned version; if they are not there, nothing is changed. (Not looking up
 * the node under a dragging pointer as well was measured and made dragging slower: not done.)
 */
function cheapWhileMoving(sigma: Sigma): void {
  const r = sigma as any;
  const program = r.nodePrograms?.point;
  const fullClear = r.clear, kill = r.kill;
  if (!program || typeof fullClear !== "function" || typeof kill !== "function" || !r.webGLContexts?.nodes || !r.mouseCaptor
    || !r.camera || !r.elements) return;
  const pick = program.pickProgram;
  const others = ["edges", "edgeLabels", "labels", "hovers", "hoverNodes"].map((k) => r.elements[k] as HTMLElement | undefined)
    .filter((e): e is HTMLElement => Boolean(e));
  let lastFull = true, hidden = false;
  r.clear = function (this: any) {
    const mc = this.mouseCaptor;
    const moving = Boolean(this.camera.isAnimated() || mc.isMoving || mc.draggedEvents || mc.currentWheelDirection);
    program.pickProgram = moving ? null : pick;
    if (moving !== hidden) {
      hidden = moving;
      for (const e of others) e.style.visibility = moving ? "hidden" : "";
    }
    if (!moving || lastFull || this.hoveredNode || this.highlightedNodes?.size) {
      lastFull = !moving;
      return fullClear.call(this);
    }
    const gl = this.webGLContexts.nodes as WebGLRenderingContext;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.clear(gl.COLOR_BUFFER_BIT);
    return this;
  };
  r.kill = function (this: any) {
    program.pickProgram = pick; // so that sigma frees it
    return kill.call(this);
  };
}

/**
 * While the view moves (a drag, a touch pan, the wheel, sigma's zoom and inertia animations), moves the picture last
 * drawn instead of drawing the network again: the layers get the CSS transform (a translation and a
 * scale) that takes the viewport's corners where the camera now puts them, which the browser's compositor
 * applies without touching WebGL. Drawing 10,000 nodes in software WebGL costs about 60 ms of CPU, so a
 * redraw per pointer move gave 14 frames per second while panning; a transform costs next to nothing. The
 * network is drawn for real when the view stops (sigma's own render at the end of a gesture or animation,
 * or 120 ms after the last move), or when the picture would have to move or shrink so far that more than
 * about half of the view would be empty. The technique is that of map viewers (Leaflet's zoom animation).
 * The mouse layer is never transformed, so pointer coordinates stay exact (sigma's captor reads the camera,
 * not the picture); the layers hidden while moving by {@link cheapWhileMoving} stay hidden.
 */
function moveAsPicture(sigma: Sigma): void {
  const r = sigma as any;
  const render = r.render, kill = r.kill;
  if (typeof render !== "function" || typeof kill !== "function" || !r.camera || !r.mouseCaptor || !r.elements
    || typeof r.viewportToFramedGraph !== "function" || typeof r.framedGraphToViewport !== "function") return;
  const layers = Object.keys(r.elements).filter((k) => k !== "mouse").map((k) => r.elements[k] as HTMLElement);
  for (const e of layers) e.style.transformOrigin = "0 0";
  // the framed-graph coordinates of the viewport's corners when the picture was drawn
  let drawn: { a: { x: number; y: number }; b: { x: number; y: number } } | null = null;
  const drawnNow = () => {
    drawn = { a: r.viewportToFramedGraph({ x: 0, y: 0 }), b: r.viewportToFramedGraph({ x: r.width, y: r.height }) };
  };
  let moved = false;
  let settle: number | undefined;
  const reset = () => {
    if (!moved) return;
    moved = false;
    for (const e of layers) e.style.transform = "";
  };
  /** Sigma's own render (it draws less while the view moves), then the picture back in place. */
  const draw = () => {
    clearTimeout(settle);
    const out = render.call(r);
    reset();
    drawnNow();
    return out;
  };
  r.render = function (this: any) {
    clearTimeout(settle);
    const mc = this.mouseCaptor;
    const moving = Boolean(this.camera.isAnimated() || mc.isMoving || mc.draggedEvents || mc.currentWheelDirection
      || this.touchCaptor?.isMoving);
    if (moving && drawn && !this.needToProcess && this.width > 0 && this.height > 0) {
      const state = this.camera.getState();
      const a = this.framedGraphToViewport(drawn.a, { cameraState: state });
      const b = this.framedGraphToViewport(drawn.b, { cameraState: state });
      const k = (b.x - a.x) / this.width;
      const far = Math.abs(a.x) > this.width / 2 || Math.abs(a.y) > this.height / 2 || !(k > 0.7 && k < 1.5);
      if (!far && Number.isFinite(a.x) && Number.isFinite(a.y)) {
        if (this.renderFrame) { cancelAnimationFrame(this.renderFrame); this.renderFrame = null; }
        const t = "translate(" + a.x + "px," + a.y + "px) scale(" + k + ")";
        for (const e of layers) e.style.transform = t;
        moved = true;
        settle = window.setTimeout(() => { if (moved) draw(); }, 120);
        return this;
      }
    }
    return draw();
  };
  if (r.width > 0 && r.height > 0) drawnNow(); // the constructor has drawn the network already
  r.kill = function (this: any) {
    clearTimeout(settle);
    return kill.call(this);
  };
}

async function pageGroups(): Promise<void> {
  const gs = await api("GET", "/api/groups");
  main.replaceChildren(el("h1", {}, "Coordination groups"),
    table(["group", "size", "edges", "density", "signals", "co-actions", "first", "last", "top objects", "label", "members labelled"], gs.map((g: Json) =>
      [route("group " + g.id, "group", String(g.id)), text(g.size), text(g.edges), text(Number(g.density).toFixed(2)), text(g.signals),
        text(g.co_actions), text(g.first_action), text(g.last_action), text(g.top_objects), labelTag(g.label), memberLabels(g.member_labels)])));
}

async function pageGroup(id: string): Promise<void> {
  const g = await api("GET", "/api/groups/" + encodeURIComponent(id));
  main.replaceChildren(el("h1", {}, "Group " + text(g.id)),
    el("p", {}, `${text(g.size)} accounts, ${text(g.edges)} edges, signals ${text(g.signals)}, active ${text(g.first_action)} – ${text(g.last_action)}`),
    el("p", {}, "Top objects: " + text(g.top_objects)),
    labelForm("group", String(g.id), g.labels, () => route_()),
    el("h2", {}, "Members"),
    table(["account", "handle", "degree", "signals", "co-actions", "label"], g.members.map((m: Json) =>
      [route(text(m.id), "account", m.id), text(m.handle), text(m.degree), text(m.signals), text(m.co_actions), labelTag(m.label)])),
    el("h2", {}, "Edges (the evidence is on each account's page)"),
    table(["a", "b", "weight", "co-actions", "signals", "p", "median gap s"], g.edges.map((e: Json) =>
      [accountWithLabel(e.a, e.label_a), accountWithLabel(e.b, e.label_b), text(e.weight), text(e.co_actions), text(e.signals), text(e.p_value), text(e.median_gap_s)])));
}

async function pageAccount(id: string): Promise<void> {
  const a = await api("GET", "/api/accounts/" + encodeURIComponent(id));
  const p = a.profile || {};
  const parts: Node[] = [
    el("h1", { id: "account-title" }, "Account ", el("span", { class: "handle" }, p.handle ? "@" + text(p.handle) : text(a.id))),
    el("p", {}, "account_id ", el("code", {}, text(a.id)), " · ", text(p.platform), " · ", text(p.display_name)),
    el("p", { class: "muted" }, text(p.description)),
    el("p", {}, `created ${text(p.created_at) || "unknown"} · followers ${text(p.followers) || "unknown"}`),
  ];
  if (a.coordination) {
    parts.push(el("p", {}, "In ", route("group " + a.coordination.group_id, "group", String(a.coordination.group_id)), " ", labelTag(a.coordination.group_label),
      `, degree ${text(a.coordination.degree)}, signals ${text(a.coordination.signals)}, ${text(a.coordination.co_actions)} co-actions`));
  } else {
    parts.push(el("p", { class: "muted" }, "Not in the coordination network of the newest run."));
  }
  parts.push(labelForm("account", a.id, a.labels, () => route_()));
  if (a.score) {
    parts.push(el("h2", {}, "Account signals: score " + Number(a.score.score).toFixed(3)));
    parts.push(table(["signal", "value", "contribution (log-odds)"], (a.score.contributions || []).map((c: Json) =>
      [text(c.feature), text(c.value), text(c.log_odds)])));
  }
  parts.push(el("h2", {}, "Posts per day"), bars((a.volume || []).map((v: Json) => v.posts), 400, 50));
  parts.push(el("h2", {}, `Edges (${a.edges.length}) and the post pairs behind them`));
  for (const e of a.edges) {
    const pairs = el("div", { class: "pairs" }, ...e.pairs.map((x: Json) => el("div", { class: "pair" },
      el("div", {}, `${text(x.signal)} on `, el("code", {}, text(x.object)), `, gap ${text(x.gap_s)} s`),
      el("div", {}, text(x.time_a), " @", text(x.handle_a), ": ", el("span", { class: "post-text" }, text(x.text_a)), " ", external("original", x.link_a)),
      el("div", {}, text(x.time_b), " @", text(x.handle_b), ": ", el("span", { class: "post-text" }, text(x.text_b)), " ", external("original", x.link_b)))));
    parts.push(el("div", { class: "edge" }, el("p", {}, "with ", accountWithLabel(e.other, e.other_label),
      ` — weight ${text(e.weight)}, ${text(e.co_actions)} co-actions, ${text(e.signals)}, p ${text(e.p_value)}`), pairs));
  }
  parts.push(el("h2", {}, `Posts (newest ${a.posts.length} of ${text(a.posts_total)})`));
  parts.push(table(["time", "kind", "text", "link"], a.posts.map((x: Json) =>
    [text(x.time), text(x.kind), el("span", { class: "post-text" }, text(x.text)), external("original", x.link)])));
  main.replaceChildren(...parts);
}

async function pageCampaigns(): Promise<void> {
  const cs = await api("GET", "/api/campaigns");
  main.replaceChildren(el("h1", {}, "Campaigns"),
    cs.length ? table(["entity", "type", "flagged", "score", "first burst", "posts", "accounts", "label"], cs.map((c: Json) =>
      [route(text(c.entity), "campaign", c.id), text(c.type), c.flagged ? "yes" : "no", Number(c.score).toFixed(2), text(c.first_burst_at),
        text(c.posts), text(c.accounts), labelTag(c.label)])) : el("p", { class: "muted" }, "No campaigns in this case yet (run lockstep campaigns --db, or an analysis job)."));
}

async function pageCampaign(id: string): Promise<void> {
  const c = await api("GET", "/api/campaigns/" + encodeURIComponent(id));
  const d = c.detail || {};
  const tl = d.timeline || {};
  const labels: Record<string, unknown> = c.account_labels || {};
  main.replaceChildren(el("h1", {}, "Campaign ", el("code", {}, text(c.entity))),
    el("p", {}, `${text(c.type)}, score ${Number(c.score).toFixed(2)}, ${c.flagged ? "flagged " + text(c.first_flagged_at) : "not flagged"}, episode ${text(c.episode_start)} – ${text(c.episode_end)}`),
    labelForm("campaign", c.id, c.labels, () => route_()),
    el("h2", {}, "Timeline and bursts"), bars(tl.counts || []),
    table(["scale (ms)", "peak z", "count", "expected", "at"], (d.bursts || []).map((b: Json) =>
      [text(b.scale_ms ?? b.scaleMs), text(b.peak_z ?? b.peakZ), text(b.peak_count ?? b.peakCount), text(b.expected), text(b.at)])),
    el("h2", {}, "First spreaders"),
    table(["account", "handle", "at", "kind", "label"], (d.first_spreaders || []).map((s: Json) =>
      [route(text(s.accountId), "account", text(s.accountId)), text(s.handle), text(s.at), text(s.kind), labelTag(labels[text(s.accountId)])])),
    el("h2", {}, "The spread (who amplified whom)"),
    table(["from", "to", "at", "kind"], ((d.cascade && d.cascade.edges) || []).slice(0, 300).map((e: Json) =>
      [accountWithLabel(e.from, labels[text(e.from)]), accountWithLabel(e.to, labels[text(e.to)]), text(e.at), text(e.kind)])));
}

async function pageDomains(): Promise<void> {
  const ds = await api("GET", "/api/domains");
  main.replaceChildren(el("h1", {}, "Domain alerts"),
    ds.length ? table(["domain (not opened)", "imitates", "technique", "posts", "accounts", "first seen", "label"], ds.map((d: Json) =>
      [route(text(d.domain), "domain", text(d.domain)), text(d.protected), text(d.technique), text(d.posts), text(d.accounts), text(d.first_seen), labelTag(d.label)]))
      : el("p", { class: "muted" }, "No look-alike domains recorded in this case."));
}

async function pageDomain(name: string): Promise<void> {
  const history = await api("GET", "/api/labels?kind=domain&id=" + encodeURIComponent(name));
  main.replaceChildren(el("h1", {}, "Domain ", el("code", {}, name)), el("p", { class: "muted" }, "Shown as text; never opened."),
    labelForm("domain", name, history, () => route_()), el("p", {}, route("Back to the domain alerts", "domains")));
}

async function pageSearch(q: string): Promise<void> {
  const box = el("input", { id: "post-search", value: q, placeholder: "words in posts", size: "40" }) as HTMLInputElement;
  const form = el("form", { class: "inline" }, box, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); location.hash = "#/search/" + encodeURIComponent(box.value); });
  const out = el("div", { id: "search-results" });
  main.replaceChildren(el("h1", {}, "Post search"), form, out);
  if (!q) return;
  try {
    const r = await api("GET", "/api/posts?q=" + encodeURIComponent(q));
    out.replaceChildren(el("p", {}, `${text(r.total)} posts`), table(["time", "account", "handle", "label", "text", "link"], r.hits.map((h: Json) =>
      [text(h.time), route(text(h.account_id), "account", h.account_id), text(h.handle), labelTag(h.label),
        el("span", { class: "post-text" }, text(h.text)), external("original", h.link)])));
  } catch (e) {
    out.replaceChildren(el("p", { class: "error" }, (e as Error).message));
  }
}

async function pageJobs(): Promise<void> {
  const jobs = await api("GET", "/api/jobs");
  const parts: Node[] = [el("h1", {}, "Analyses")];
  if (me && me.role !== "viewer") {
    const btn = el("button", { id: "run-analysis" }, "Run an analysis on the whole case");
    btn.addEventListener("click", async () => {
      await api("POST", "/api/jobs", {});
      route_();
    });
    parts.push(btn);
  }
  parts.push(table(["job", "by", "state", "stage", "progress", "run", "result"], jobs.map((j: Json) => {
    const prog = el("progress", { max: "1", value: String(j.progress) });
    return [text(j.id), text(j.author), text(j.state), text(j.stage), prog, text(j.run), j.error ? text(j.error) : j.summary ? JSON.stringify(j.summary) : ""];
  })));
  main.replaceChildren(...parts);
  if (jobs.some((j: Json) => j.state === "running" || j.state === "queued")) setTimeout(() => { if (location.hash.startsWith("#/jobs")) route_(); }, 1000);
}

async function pageExports(): Promise<void> {
  main.replaceChildren(el("h1", {}, "Exports"), el("ul", {},
    el("li", {}, el("a", { href: "/api/export/edges.csv", download: "edges.csv" }, "Edges (CSV)")),
    el("li", {}, el("a", { href: "/api/export/network.gexf", download: "network.gexf" }, "Network (GEXF, for Gephi)")),
    el("li", {}, el("a", { href: "/api/export/labels.csv", download: "labels.csv" }, "Labels with author and time (CSV)")),
    el("li", {}, el("a", { href: "/api/export/bundle.zip", download: "lockstep-case-bundle.zip" },
      "Case bundle (ZIP: network, edges, groups, accounts, labels, runs with parameters, audit log)"))),
    el("p", { class: "muted" }, "CSV cells that a spreadsheet would read as a formula are prefixed with a quote."));
}

async function pageAdmin(): Promise<void> {
  const u = await api("GET", "/api/users");
  const name = el("input", { name: "name", placeholder: "name" }) as HTMLInputElement;
  const role = el("select", { name: "role" }, ...["viewer", "analyst", "admin"].map((r) => el("option", { value: r }, r))) as HTMLSelectElement;
  const pw = el("input", { name: "password", type: "password", placeholder: "password (8+)" }) as HTMLInputElement;
  const msg = el("span", {});
  const form = el("form", { class: "inline" }, name, role, pw, el("button", { type: "submit" }, "Add or update user"), msg);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try { await api("POST", "/api/users", { name: name.value, role: role.value, password: pw.value }); route_(); } catch (e) { msg.textContent = (e as Error).message; }
  });
  main.replaceChildren(el("h1", {}, "Users"), table(["name", "role"], u.users.map((x: Json) => [text(x.name), text(x.role)])), form,
    el("h2", {}, "API tokens"), table(["id", "user", "created", "revoked", ""], u.tokens.map((t: Json) => {
      const b = el("button", {}, "Revoke");
      b.addEventListener("click", async () => { await api("POST", `/api/tokens/${Number(t.id)}/revoke`, {}); route_(); });
      return [text(t.id), text(t.name), text(t.createdAt), text(t.revokedAt), t.revokedAt ? "" : b];
    })));
}

// ---------- shell ----------

function header(): void {
  const nav = document.getElementById("nav") as HTMLElement;
  const who = document.getElementById("who") as HTMLElement;
  if (!me) { nav.replaceChildren(); who.replaceChildren(); return; }
  const links: [string, string][] = [["Overview", ""], ["Network", "network"], ["Groups", "groups"], ["Campaigns", "campaigns"],
    ["Domains", "domains"], ["Search", "search"], ["Analyses", "jobs"], ["Exports", "exports"]];
  if (me.role === "admin") links.push(["Users", "admin"]);
  nav.replaceChildren(...links.map(([l, r]) => el("a", { href: "#/" + r }, l)));
  const out = el("button", { id: "logout" }, "Log out");
  out.addEventListener("click", async () => { try { await api("POST", "/api/logout", {}); } finally { me = null; csrf = null; header(); location.hash = "#/login"; } });
  who.replaceChildren(el("span", { id: "whoami" }, `${me.user} (${me.role}) `), out);
}

async function route_(): Promise<void> {
  const parts = location.hash.replace(/^#\/?/, "").split("/").map((p) => decodeURIComponent(p));
  if (renderer && parts[0] !== "network") { renderer.kill(); renderer = null; }
  if (!me && parts[0] !== "login") {
    try {
      const s = await api("GET", "/api/session");
      me = { user: s.user, role: s.role };
      csrf = s.csrf;
      header();
    } catch { return; }
  }
  try {
    switch (parts[0]) {
      case "login": return await pageLogin();
      case "network": return await pageNetwork();
      case "groups": return await pageGroups();
      case "group": return await pageGroup(parts[1]);
      case "account": return await pageAccount(parts.slice(1).join("/"));
      case "campaigns": return await pageCampaigns();
      case "campaign": return await pageCampaign(parts.slice(1).join("/"));
      case "domains": return await pageDomains();
      case "domain": return await pageDomain(parts.slice(1).join("/"));
      case "search": return await pageSearch(parts[1] || "");
      case "jobs": return await pageJobs();
      case "exports": return await pageExports();
      case "admin": return await pageAdmin();
      default: return await pageOverview();
    }
  } catch (e) {
    main.replaceChildren(el("p", { class: "error", id: "page-error" }, (e as Error).message));
  }
}

window.addEventListener("hashchange", () => { void route_(); });
void route_();
