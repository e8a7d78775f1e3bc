"""The page script's label placement (litkg's, MIT; a part of :data:`graph.page_js.PAGE_JS`, in
the same closure): at every redraw the labels are placed greedily by importance, each below,
above, right or left of its node where it overlaps no label already placed, no region name, no
page control and no disc of a more important node. Placed boxes go in a grid of screen cells, so
a frame is one pass over the nodes. Labels are drawn with ``fillText``: data stay text.
"""

LABELS_JS = r"""  // --- labels ---------------------------------------------------------------------------
  // vis draws no label: after each frame the page places them itself, on screen, greedily by
  // importance (D.labelOrder: the focus, then concepts, then the most connected). A label is
  // tried below its node, then above, right and left, and drawn at the first place where it
  // overlaps nothing placed before it: no label, region name, legend or panel, and no disc of
  // a more important node. Until twice the opening zoom, the discs of less important nodes
  // are in the way too (so that a label is not read as another node's): every disc for a
  // long label (a title), those about as big as its node for a short one, none for a hub's.
  // A node's font (N.font) says from which zoom on its label may be drawn at all (LMIN px on
  // screen; never bigger than LMAX): as one zooms in, labels grow slower than the distances
  // between nodes, so labels hidden by a collision appear.
  // The hovered, selected and focus nodes' labels are always drawn, then the lit node's
  // neighbours' (among themselves without overlap), then the rest. What is placed goes in a
  // grid of screen cells (a spatial hash), so a frame is one pass over the nodes.
  var scaling = D.options.nodes.scaling.label, LMIN = scaling.drawThreshold - 1, LMAX = scaling.maxVisible;
  var FACE = "system-ui, sans-serif", CELL = 64;
  var PAD = 3;          // px kept free left and right of a label
  var DISC = 0.8;       // the share of a node's radius in the way of labels (its rim may be crossed)
  var DISC_MIN = 2.5;   // nodes smaller than this (px) are in nobody's way
  var SIMILAR = 1.0;    // "about as big": a disc at least this share of the label's node's radius
  var LONG = 14;        // a label longer than this many font sizes is long (a title)
  var HUB = 0.6;        // a hub: a node at least this share of the biggest one's size
  var CLOSE_UP = 2;     // from this zoom (times the opening one) only more important discs count
  var BLOCK = -2;  // the rank of what stands in every label's way (labels, regions, overlays)
  var order = D.labelOrder || [], rankOf = new Int32Array(n).fill(n);
  for (i = 0; i < order.length; i++) rankOf[order[i]] = i;
  var hubSize = 0;  // nodes at least this big are hubs
  for (i = 0; i < n; i++) if (N.size[i] > hubSize) hubSize = N.size[i];
  hubSize *= HUB;
  var hovered = null, litNear = null, litNeighbours = [];
  function byRank(list) { return list.sort(function (a, b) { return rankOf[a] - rankOf[b]; }); }
  function redrawSoon() { network.renderer._requestRedraw(); }
  var measure = document.createElement("canvas").getContext("2d"), perPx = new Float32Array(n);
  function widthPerPx(i) {  // a label's width per px of font, measured once
    if (!perPx[i]) {
      measure.font = (i === D.focus ? "bold " : "") + "100px " + FACE;
      perPx[i] = measure.measureText(N.label[i]).width / 100 || 0.01;
    }
    return perPx[i];
  }
  measure.font = "bold 100px " + FACE;
  var regionPerPx = D.regions.map(function (r) { return measure.measureText(r[0]).width / 100; });
  // The grid: cells of CELL px over the screen and a ring around it, each a list of boxes
  // (indices into box: left, top, right, bottom, rank, radius), reset by a frame number.
  var cols = 0, rows = 0, cells = [], stamp = [], frame = 0, box = [];
  function cellOf(v, count) { var c = Math.floor(v / CELL) + 1; return c < 0 ? 0 : c >= count ? count - 1 : c; }
  // Whether the box overlaps anything in the way of a label of rank k for a node of radius r.
  function hits(x0, y0, x1, y1, k, r) {
    var c0 = cellOf(x0, cols), c1 = cellOf(x1, cols), r1 = cellOf(y1, rows), big = r * SIMILAR;
    for (var row = cellOf(y0, rows); row <= r1; row++) {
      for (var c = c0; c <= c1; c++) {
        var cell = row * cols + c;
        if (stamp[cell] !== frame) continue;
        var list = cells[cell];
        for (var q = 0; q < list.length; q++) {
          var b = list[q];
          if (x0 < box[b + 2] && box[b] < x1 && y0 < box[b + 3] && box[b + 1] < y1 &&
              box[b + 4] !== k && (box[b + 4] < k || box[b + 5] >= big)) return true;
        }
      }
    }
    return false;
  }
  function put(x0, y0, x1, y1, k, r) {
    var b = box.length, c0 = cellOf(x0, cols), c1 = cellOf(x1, cols), r1 = cellOf(y1, rows);
    box.push(x0, y0, x1, y1, k, r);
    for (var row = cellOf(y0, rows); row <= r1; row++) {
      for (var c = c0; c <= c1; c++) {
        var cell = row * cols + c;
        if (stamp[cell] !== frame) {
          stamp[cell] = frame;
          if (cells[cell]) { cells[cell].length = 0; cells[cell].push(b); } else cells[cell] = [b];
        } else cells[cell].push(b);
      }
    }
  }
  var overlays = ["litkg-legend", "litkg-panel", "litkg-results"].map($).filter(Boolean);
  // A label's box at one of four places around its node: below, above, right, left:
  // [left, top, right, bottom, text width, x of the text's centre].
  function labelBox(i, px, sx, sy, rad, where) {
    var w = widthPerPx(i) * px, h = 1.2 * px, x = sx, top;
    if (where === 0) top = sy + rad + 2;
    else if (where === 1) top = sy - rad - 2 - h;
    else { top = sy - h / 2; x = where === 2 ? sx + rad + 3 + w / 2 : sx - rad - 3 - w / 2; }
    return [x - w / 2 - PAD, top, x + w / 2 + PAD, top + h, w, x];
  }
  var W = 0, H = 0;
  // The first of the places where the label is on screen and in nobody's way, or null.
  function fit(i, px, sx, sy, rad, k, r) {
    for (var where = 0; where < 4; where++) {
      var b = labelBox(i, px, sx, sy, rad, where);
      if (b[0] >= 0 && b[1] >= 0 && b[2] <= W && b[3] <= H && !hits(b[0], b[1], b[2], b[3], k, r)) return b;
    }
    return null;
  }
  var SX = new Float32Array(n), SY = new Float32Array(n), SR = new Float32Array(n), on = new Int32Array(n);
  var drawn = [], regionsDrawn = [], placeMs = 0;  // what the last frame drew: [node, x, top, px, width]
  function placeLabels(ctx) {
    var t0 = performance.now(), scale = network.getScale(), t = network.body.view.translation;
    var bodyNodes = network.body.nodes, out = [], regions = [], k, i, node, b, px, sx, sy, rad;
    W = container.clientWidth; H = container.clientHeight;
    frame++; box.length = 0; cols = Math.ceil(W / CELL) + 2; rows = Math.ceil(H / CELL) + 2;
    // Where each node is on screen now (on[i] === frame: drawn and on screen), and the discs.
    for (k = 0; k < order.length; k++) {
      i = order[k]; node = bodyNodes[i];
      if (node.options.hidden) continue;
      sx = SX[i] = node.x * scale + t.x; sy = SY[i] = node.y * scale + t.y; rad = SR[i] = node.options.size * scale;
      if (sx < -rad || sy < -rad || sx > W + rad || sy > H + rad) continue;
      on[i] = frame;
      if (rad >= DISC_MIN) put(sx - DISC * rad, sy - DISC * rad, sx + DISC * rad, sy + DISC * rad, k, rad);
    }
    function keep(i, b, px) { put(b[0], b[1], b[2], b[3], BLOCK, 0); out.push([i, b[5], b[1], px, b[4]]); on[i] = -frame; }
    // 1. the hovered, selected and focus nodes: always, below the node
    var heads = [hovered, selected, D.focus >= 0 ? D.focus : null];
    for (k = 0; k < heads.length; k++) {
      i = heads[k];
      if (i === null || on[i] !== frame) continue;
      px = i === D.focus ? LMAX : Math.max(LMIN + 1, Math.min(N.font[i] * scale, LMAX));
      keep(i, labelBox(i, px, SX[i], SY[i], SR[i], 0), px);
      rad = DISC * SR[i]; put(SX[i] - rad, SY[i] - rad, SX[i] + rad, SY[i] + rad, BLOCK, 0);
    }
    // 2. the legend and panel over the canvas; the lit node's neighbours, among themselves
    overlays.forEach(function (o) {
      if (o.offsetWidth) put(o.offsetLeft - 2, o.offsetTop - 2, o.offsetLeft + o.offsetWidth + 2,
                             o.offsetTop + o.offsetHeight + 2, BLOCK, 0);
    });
    for (k = 0; k < litNeighbours.length; k++) {
      i = litNeighbours[k];
      if (on[i] !== frame) continue;
      px = Math.max(LMIN + 1, Math.min(N.font[i] * scale, LMAX));
      if ((b = fit(i, px, SX[i], SY[i], SR[i], -1, Infinity))) keep(i, b, px);
    }
    // 3. region names (a big view coloured by community), until zoomed in close: at their
    // place (moved sideways to be whole on screen), else a line above or below it
    if (byCommunity && D.regions.length && scale <= 3 * opening) {
      D.regions.forEach(function (r, q) {
        var x = r[1] * scale + t.x, w = regionPerPx[q] * 15 / 2 + PAD;
        if (x < 0 || x > W || r[2] * scale + t.y < 0 || r[2] * scale + t.y > H) return;
        x = Math.max(w, Math.min(W - w, x));
        for (var d = 0; d < 3; d++) {
          var y = r[2] * scale + t.y + [0, -20, 20][d];
          if (!hits(x - w, y - 14, x + w, y + 5, -1, Infinity)) {
            put(x - w, y - 14, x + w, y + 5, BLOCK, 0); regions.push([r[0], x, y, w]); break;
          }
        }
      });
    }
    // 4. every other label, by importance
    var closeUp = scale >= CLOSE_UP * opening;
    for (k = 0; k < order.length; k++) {
      i = order[k];
      if (on[i] !== frame || (px = N.font[i] * scale) < LMIN) continue;
      if (px > LMAX) px = LMAX;
      // A hub's label keeps off the discs of more important nodes only, and so does every
      // label from twice the opening zoom on (else a title in a dense part would never show);
      // below that a long label (a title) keeps off every disc, a short one off those about
      // as big as its node.
      var r = N.size[i] >= hubSize || closeUp ? Infinity : widthPerPx(i) > LONG ? 0 : SR[i];
      if ((b = fit(i, px, SX[i], SY[i], SR[i], k, r))) keep(i, b, px);
    }
    drawn = out; regionsDrawn = regions;
    // Drawn in screen units: undo vis's view transform (its pixel ratio stays).
    ctx.save();
    ctx.scale(1 / scale, 1 / scale); ctx.translate(-t.x, -t.y);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.85)";
    var font = "";
    for (k = out.length - 1; k >= 0; k--) {  // the most important last, on top
      var d = out[k], f = (d[0] === D.focus ? "bold " : "") + d[3].toFixed(1) + "px " + FACE;
      if (f !== font) ctx.font = font = f;
      ctx.fillStyle = litNear && !litNear[d[0]] ? "#b4b4b4" : "#222";
      ctx.strokeText(N.label[d[0]], d[1], d[2]);
      ctx.fillText(N.label[d[0]], d[1], d[2]);
    }
    if (regions.length) {
      ctx.font = "bold 15px " + FACE; ctx.textBaseline = "alphabetic"; ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.fillStyle = "#111";
      regions.forEach(function (r) { ctx.strokeText(r[0], r[1], r[2]); ctx.fillText(r[0], r[1], r[2]); });
    }
    ctx.restore();
    placeMs = performance.now() - t0;
  }
  var opening = network.getScale();
  network.on("afterDrawing", placeLabels);
  function settled() { network.setOptions({physics: {enabled: false}}); body.dataset.litkgSettled = "1"; }
  if (D.options.physics.enabled) network.once("stabilizationIterationsDone", function () { settled(); network.fit(); });
  else body.dataset.litkgSettled = "1";

"""
