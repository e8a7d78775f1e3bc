"""The page's own script (litkg's, MIT): builds the vis-network data from ``LITKG``, places and
draws the labels (greedily by importance, none overlapping, at every redraw), and wires the
details panel, tooltips, legend filters, search and neighbourhood dimming.

Every text from the data is put into the page with ``textContent`` (never ``innerHTML``) or drawn
on the canvas with ``fillText`` (text, never markup), and a link gets an ``href`` only when it is
an http(s) address.
"""

from .page_labels_js import LABELS_JS

PAGE_JS = r"""
(function () {
  "use strict";
  var D = LITKG, N = D.nodes, E = D.edges, S = D.strs, body = document.body;
  var n = N.id.length, m = E.from.length, byId = {};
  for (var i = 0; i < n; i++) byId[N.id[i]] = i;
  var hiddenType = {}, hiddenKind = {}, yearMin = -Infinity, yearMax = Infinity, minWeight = 0;
  var selected = null, dimmed = false, byCommunity = !!D.communityOn;
  var adj = [];
  for (i = 0; i < n; i++) adj.push([]);
  for (var j = 0; j < m; j++) { adj[E.from[j]].push(j); adj[E.to[j]].push(j); }

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function str(k) { return typeof k === "number" && k >= 0 ? S[k] : (k || ""); }
  function colourOf(i) {
    if (byCommunity && N.comm) return N.comm[i] >= 0 ? D.palette[N.comm[i]] : "#cfcfcf";
    return D.types[N.type[i]][1];
  }
  function nodeItem(i) {
    // No vis label: the page draws the labels itself (see "labels" below).
    var t = D.types[N.type[i]], c = colourOf(i);
    var item = {id: i, x: N.x[i], y: N.y[i], size: N.size[i], shape: t[2],
                color: {background: c, border: c, highlight: {background: c, border: "#000"},
                        hover: {background: c, border: "#000"}},
                borderWidth: 1};
    if (i === D.focus) { item.borderWidth = 5; item.color.border = "#000"; }
    return item;
  }
  function edgeItem(j) {
    var k = D.kinds[E.kind[j]];
    return {id: j, from: E.from[j], to: E.to[j], width: E.width[j], dashes: D.big ? false : k[2],
            hidden: !!D.hideEdges,
            color: {color: k[1], highlight: k[1], hover: k[1], opacity: edgeOpacity},
            arrows: {to: {enabled: D.directed && !D.big, scaleFactor: 0.5}}};
  }
  var edgeOpacity = m > 20000 ? 0.12 : m > 3000 ? 0.22 : m > 400 ? 0.4 : 0.75;
  var nodeItems = [], edgeItems = [];
  for (i = 0; i < n; i++) nodeItems.push(nodeItem(i));
  for (j = 0; j < m; j++) edgeItems.push(edgeItem(j));
  // A page whose links start hidden hands vis none of them at first (building 100,000 hidden
  // links is most of the time to open): a node's links are added when it is shown or clicked,
  // all of them with "show all links".
  var lazy = !!D.hideEdges, added = [];
  var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(lazy ? [] : edgeItems);
  function ensureEdges(list) {
    if (!lazy) return;
    var more = [];
    list.forEach(function (b) { if (!added[b]) { added[b] = true; more.push(edgeItems[b]); } });
    if (more.length) edges.add(more);
  }
  var container = $("litkg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, D.options);
  window.litkgNetwork = network;
  // Ready once drawn for the first time (the handler is set before anything can draw).
  function ready() {
    if (body.dataset.litkgReady) return;
    body.dataset.litkgReadyMs = String(Math.round(performance.now()));
    body.dataset.litkgReady = "1";
  }
  network.once("afterDrawing", function () { setTimeout(ready, 0); });
  if (n === 0) ready();
  body.dataset.litkgNodes = String(n);
  body.dataset.litkgEdges = String(m);

  function openingView() {
    // The layout box plus a margin for the outermost nodes and their labels: zoom ~1 at 1600x1000.
    // An ego view opens with its focus's panel: the graph takes the room left of the panel.
    var side = D.focus >= 0 && container.clientWidth > 900 ? D.panel : 0;
    var s = Math.min((container.clientWidth - side) / (D.box[0] + 100), container.clientHeight / (D.box[1] + 70));
    s = s > 0 ? s : 1;
    network.moveTo({position: {x: side / 2 / s, y: 0}, scale: s, animation: false});
  }
  openingView();
""" + LABELS_JS + r"""  // --- tooltip ---------------------------------------------------------------------------
  var tip = $("litkg-tip");
  function nodeTip(i) { return [N.full[i], N.sub[i]].filter(Boolean).join("\n"); }
  function edgeTip(j) {
    var a = N.full[E.from[j]], b = N.full[E.to[j]], k = D.kinds[E.kind[j]][0], w = E.weight[j];
    if (E.role && E.role[j]) {
      var conf = E.conf[j], lines = [a, k.replace(/_/g, " ") + " " + b];
      var meta = [conf !== null ? "confidence " + conf.toFixed(2) : "", E.field[j] ? "from the " + str(E.field[j]) : ""];
      lines.push(meta.filter(Boolean).join(" \u00b7 "));
      if (E.ev[j] >= 0) lines.push("\u201c" + S[E.ev[j]] + "\u201d");
      return lines.filter(Boolean).join("\n");
    }
    if (E.names && E.names[j]) return a + " and " + b + "\nshare " + w + ": " + E.names[j].map(str).join(", ");
    if (k === "group_use") return a + "\n" + w + " of its papers use " + b;
    if (!w) return a + " " + k.replace(/_/g, " ") + " " + b;
    var rel = E.rel && E.rel[j] ? "\n" + a + " " + str(E.rel[j]).replace(/_/g, " ") + " " + b : "";
    return a + " and " + b + "\nused together in " + w + " paper" + (w === 1 ? "" : "s") + rel;
  }
  function showTip(text, pointer) {
    tip.textContent = text;
    tip.hidden = false;
    var x = pointer ? pointer.DOM.x + 14 : 10, y = pointer ? pointer.DOM.y + 14 : 10;
    tip.style.left = Math.min(x, container.clientWidth - 300) + "px";
    tip.style.top = Math.min(y, container.clientHeight - 80) + "px";
  }
  network.on("hoverNode", function (p) {
    hovered = p.node; redrawSoon();
    showTip(nodeTip(p.node), p.pointer);
    if (selected === null && n <= 3000) dim(p.node);
  });
  network.on("blurNode", function () { hovered = null; redrawSoon(); tip.hidden = true; if (selected === null && dimmed) undim(); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer); });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });
  window.litkgTip = function (kind, id) { return kind === "edge" ? edgeTip(id) : nodeTip(byId[id]); };

  // --- dimming everything but a neighbourhood -------------------------------------------
  // Views with very many links open with them hidden (a haze at that size, and slow to draw):
  // a node's links appear when it is hovered or clicked, all of them with "show all links".
  var sparse = lazy, showAll = false, lit = [];
  function edgeShown(b) {
    return !hiddenKind[D.kinds[E.kind[b]][0]] && (E.weight[b] || 0) >= minWeight &&
           !nodeHidden[E.from[b]] && !nodeHidden[E.to[b]] && (showAll || !sparse);
  }
  var nodeHidden = [];
  function dim(i) {
    var near = {}, keepEdge = {};
    near[i] = true;
    adj[i].forEach(function (j) { near[E.from[j]] = near[E.to[j]] = true; keepEdge[j] = true; });
    var nu = [], eu = [];
    for (var a = 0; a < n; a++) {
      var c = near[a] ? colourOf(a) : "#e6e6e6";
      nu.push({id: a, color: {background: c, border: near[a] ? c : "#d6d6d6"}});
    }
    if (sparse && !showAll) {  // only the links that change: the old node's off, the new on
      lit.forEach(function (b) { if (!keepEdge[b]) eu.push({id: b, hidden: true}); });
      lit = adj[i].slice();
      ensureEdges(lit);
      lit.forEach(function (b) {
        var k = D.kinds[E.kind[b]][1];
        eu.push({id: b, hidden: !!(nodeHidden[E.from[b]] || nodeHidden[E.to[b]] || hiddenKind[D.kinds[E.kind[b]][0]]),
                 color: {color: k, highlight: k, hover: k, opacity: 0.9}});
      });
    } else {
      for (var b = 0; b < m; b++) {
        var k = keepEdge[b] ? D.kinds[E.kind[b]][1] : "#eeeeee";
        eu.push({id: b, color: {color: k, highlight: k, hover: k, opacity: keepEdge[b] ? 0.9 : 0.25}});
      }
    }
    nodes.update(nu); edges.update(eu); dimmed = true;
    litNear = near; litNeighbours = byRank(Object.keys(near).map(Number).filter(function (a) { return a !== i; }));
    body.dataset.litkgDimmed = String(n - Object.keys(near).length);
  }
  function undim() {
    nodes.update(nodeItems.map(function (it) { return {id: it.id, color: nodeItem(it.id).color}; }));
    if (sparse && !showAll) {
      edges.update(lit.map(function (b) { return {id: b, hidden: true}; }));
      lit = [];
    } else {
      edges.update(edgeItems.map(function (it) { return {id: it.id, color: it.color}; }));
    }
    dimmed = false; litNear = null; litNeighbours = []; delete body.dataset.litkgDimmed;
  }

  // --- details panel -------------------------------------------------------------------
  var panel = $("litkg-panel");
  function target(t) {
    if (typeof t === "number") {
      var a = el("span", N.full[t], "litkg-go");
      a.addEventListener("click", function () { select(t, true); });
      return a;
    }
    return el("span", str(t));
  }
  function safeLink(label, url) {
    var a = el("a", label);
    if (/^https?:\/\//i.test(url)) { a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function panelHead(title, sub) {
    panel.textContent = "";
    var close = el("button", "\u00d7");
    close.id = "litkg-panel-close"; close.title = "close";
    close.addEventListener("click", clear);
    panel.appendChild(close);
    panel.appendChild(el("h2", title));
    if (sub) panel.appendChild(el("p", sub));
    panel.hidden = false;
  }
  function panelList(heading, items, more) {
    panel.appendChild(el("h3", heading));
    var ul = el("ul");
    items.forEach(function (it) {
      var li = el("li");
      li.appendChild(target(it[0]));
      if (it[1] !== undefined && it[1] >= 0) li.appendChild(el("span", "\u201c" + S[it[1]] + "\u201d", "litkg-ev"));
      ul.appendChild(li);
    });
    if (more > 0) ul.appendChild(el("li", "and " + more + " more"));
    panel.appendChild(ul);
  }
  function showNode(i) {
    var info = D.info[i] || {};
    panelHead(N.full[i], N.sub[i]);
    if (info.authors) panel.appendChild(el("p", info.authors));
    if (info.aliases && info.aliases.length) panel.appendChild(el("p", "also: " + info.aliases.join(", ")));
    if (info.links && info.links.length) {
      var p = el("p");
      info.links.forEach(function (l, k) { if (k) p.appendChild(el("span", " \u00b7 ")); p.appendChild(safeLink(l[0], l[1])); });
      panel.appendChild(p);
    }
    (info.groups || []).forEach(function (g) { panelList(g[0], g[2], g[1] - g[2].length); });
    if (info.hint) panel.appendChild(el("p", info.hint, "litkg-ev"));
    body.dataset.litkgPanel = N.id[i];
  }
  function showEdge(j) {
    panelHead(edgeTip(j).split("\n")[0], edgeTip(j).split("\n").slice(1).join("\n"));
    panelList("between", [[E.from[j]], [E.to[j]]], 0);
    if (E.names && E.names[j]) panelList("shared datasets and benchmarks", E.names[j].map(function (k) { return [k]; }), 0);
    if (E.papers && E.papers[j]) panelList("papers using both", E.papers[j][1].map(function (k) { return [k]; }),
                                           E.papers[j][0] - E.papers[j][1].length);
    if (E.role && E.role[j] && E.ev[j] >= 0) panelList("evidence", [[S[E.ev[j]]]], 0);
    body.dataset.litkgPanel = "edge:" + j;
  }
  function select(i, move, keepLit) {
    selected = i;
    network.selectNodes([i]);
    if (move) network.focus(i, {scale: Math.max(network.getScale(), 1.2), animation: false});
    if (keepLit) { if (dimmed) undim(); } else dim(i);
    showNode(i);
    body.dataset.litkgSelected = N.id[i];
    redrawSoon();
  }
  function clear() {
    selected = null; panel.hidden = true; network.unselectAll();
    if (dimmed) undim();
    delete body.dataset.litkgSelected; delete body.dataset.litkgPanel;
    redrawSoon();
  }
  network.on("click", function (p) {
    if (p.nodes.length) select(p.nodes[0], false);
    else if (p.edges.length) { if (selected !== null) clear(); showEdge(p.edges[0]); }
    else clear();
  });
  window.litkgSelect = function (id) { if (id in byId) select(byId[id], true); };
""" + r"""
  // --- legend filters ------------------------------------------------------------------
  function applyFilters() {
    var show = [], nu = [], eu = [], shownNodes = 0, shownEdges = 0;
    for (var a = 0; a < n; a++) {
      var y = N.year[a];
      show[a] = !hiddenType[D.types[N.type[a]][0]] && (!y || (y >= yearMin && y <= yearMax));
      nu.push({id: a, hidden: !show[a]});
      if (show[a]) shownNodes++;
    }
    nodeHidden = show.map(function (v) { return !v; });
    for (var b = 0; b < m; b++) {
      var on = edgeShown(b);
      if (!lazy || added[b]) eu.push({id: b, hidden: !on});
      if (on) shownEdges++;
    }
    nodes.update(nu); edges.update(eu);
    body.dataset.litkgVisibleNodes = String(shownNodes);
    body.dataset.litkgVisibleEdges = String(shownEdges);
  }
  function toggler(list, attr, state) {
    Array.prototype.forEach.call(document.querySelectorAll("#" + list + " li"), function (li) {
      li.addEventListener("click", function () {
        var k = li.dataset[attr];
        state[k] = !state[k];
        li.classList.toggle("litkg-off", !!state[k]);
        applyFilters();
      });
    });
  }
  toggler("litkg-types", "type", hiddenType);
  toggler("litkg-kinds", "kind", hiddenKind);
  function onInput(id, fn) { var e = $(id); if (e) e.addEventListener("input", function () { fn(e); applyFilters(); }); }
  onInput("litkg-year-min", function (e) { yearMin = e.value === "" ? -Infinity : Number(e.value); });
  onInput("litkg-year-max", function (e) { yearMax = e.value === "" ? Infinity : Number(e.value); });
  onInput("litkg-min-weight", function (e) { minWeight = Number(e.value); $("litkg-min-weight-value").textContent = e.value; });
  var all = $("litkg-show-edges");
  if (all) all.addEventListener("change", function () {
    showAll = all.checked; lit = [];
    if (showAll) ensureEdges(Object.keys(edgeItems).map(Number));
    if (dimmed) undim();
    applyFilters();
    if (selected !== null) dim(selected);
  });
  var comm = $("litkg-colour-communities");
  if (comm) comm.addEventListener("change", function () {
    byCommunity = comm.checked;
    $("litkg-community-legend").hidden = !comm.checked;
    nodeItems = []; for (var a = 0; a < n; a++) nodeItems.push(nodeItem(a));
    if (selected !== null) dim(selected); else undim();
  });

  // --- search --------------------------------------------------------------------------
  function norm(text) { return String(text).toLowerCase().replace(/[\s\-_\u2010-\u2015]+/g, ""); }
  var status = $("litkg-search-status"), results = $("litkg-results");
  function matches(want) {
    var exact = [], part = [];
    for (var a = 0; a < n; a++) {
      var terms = N.terms[a];
      if (terms.indexOf(want) >= 0) exact.push(a);
      else if (terms.some(function (t) { return t.indexOf(want) >= 0; })) part.push(a);
    }
    var big = function (a, b) { return N.size[b] - N.size[a] || a - b; };
    return exact.sort(big).concat(part.sort(big));
  }
  function hiddenMatches(want) {
    var out = [];
    for (var a = 0; a < D.hidden.length && out.length < 10; a++) if (D.hidden[a][0].indexOf(want) >= 0) out.push(D.hidden[a][1]);
    return out;
  }
  function showResults(hits, hidden) {
    results.textContent = "";
    hits.slice(0, 15).forEach(function (a) {
      var b = el("button", N.full[a] + "  (" + D.types[N.type[a]][0] + ")");
      b.addEventListener("click", function () { select(a, true); });
      results.appendChild(b);
    });
    if (hits.length > 15) results.appendChild(el("div", "and " + (hits.length - 15) + " more"));
    if (hidden.length) {
      results.appendChild(el("div", "in the graph but not shown: raise --max-nodes or use --focus", "litkg-note"));
      hidden.forEach(function (t) { results.appendChild(el("div", t, "litkg-hidden-hit")); });
    }
    results.hidden = !hits.length && !hidden.length;
  }
  function find(query) {
    var want = norm(query);
    if (!want) { status.textContent = ""; results.hidden = true; return null; }
    var hits = matches(want), hidden = hiddenMatches(want);
    showResults(hits, hidden);
    body.dataset.litkgMatches = String(hits.length);
    body.dataset.litkgHiddenMatches = String(hidden.length);
    if (!hits.length) {
      clear();
      status.textContent = hidden.length ? "\u201c" + query + "\u201d is in the graph but not shown: raise --max-nodes or use --focus"
                                         : "no match for \u201c" + query + "\u201d";
      return null;
    }
    select(hits[0], true);
    status.textContent = N.label[hits[0]] + (hits.length > 1 ? " (1 of " + hits.length + ")" : "");
    return N.id[hits[0]];
  }
  window.litkgFind = find;
  $("litkg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    find($("litkg-search-input").value);
  });

  // --- what tests and benchmarks read ---------------------------------------------------
  // The labels the last frame drew: [id, text, px, [left, top, right, bottom]] on screen
  // (the box of the text itself, without the margin kept around it).
  window.litkgLabels = function () {
    return drawn.map(function (d) {
      return [N.id[d[0]], N.label[d[0]], d[3], [d[1] - d[4] / 2, d[2], d[1] + d[4] / 2, d[2] + 1.2 * d[3]]];
    });
  };
  // The region names it drew: [name, [left, top, right, bottom]] on screen (with the margin).
  window.litkgRegions = function () {
    return regionsDrawn.map(function (r) { return [r[0], [r[1] - r[3], r[2] - 14, r[1] + r[3], r[2] + 5]]; });
  };
  window.litkgLabelSizes = function () { return drawn.map(function (d) { return d[3]; }); };
  window.litkgLabelMs = function () { return placeMs; };
  window.litkgRedrawMs = function (zooming) {
    var r = network.renderer, t0 = performance.now();
    r.zooming = !!zooming; r._redraw(); r.zooming = false;
    return performance.now() - t0;
  };
  if (D.focus >= 0) select(D.focus, false, true);
})();
"""
