"use strict";
// vaultgraph's concept map. Everything from the vault is data: it only ever reaches the page
// through textContent, attribute values set with setAttribute on checked URLs, or the canvas
// (vis-network draws labels as text). The page's CSP allows this script and vis-network by hash.
var DATA = JSON.parse(document.getElementById("vg-data").textContent);
var VIEWS = DATA.views;
var container = document.getElementById("map");
var nodes = new vis.DataSet([]);
var edges = new vis.DataSet([]);
var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
var current = null;
window.vgSettled = false;

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
function weekLabel(i) { return DATA.weeks[i] ? DATA.weeks[i].label : ""; }
function weekSpan(n) {
  if (!n.weeks.length) return "no week";
  var a = weekLabel(n.weeks[0]), b = weekLabel(n.weeks[n.weeks.length - 1]);
  return n.weeks.length === 1 ? a : a + " → " + b + " (" + n.weeks.length + " weeks)";
}
function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }
var KIND = {};
DATA.kinds.forEach(function (k) { KIND[k.kind] = k; });
function countText(n) {
  var what = { concept: ["mention", "mentions"], note: ["link in", "links in"], tag: ["note", "notes"],
    week: ["note", "notes"], missing: ["link to it", "links to it"] }[n.kind];
  return plural(n.count, what[0], what[1]);
}
function safeUrl(url) { return /^(obsidian:\/\/open\?|file:\/\/\/)/.test(url || "") ? url : ""; }
function openUrl(url) {
  url = safeUrl(url);
  if (url) window.open(url, "_blank", "noopener");
}

// ---- every node of both views, and which concept-map concepts each note mentions
var byId = {}, viewOf = {}, noteConcepts = {};
Object.keys(VIEWS).forEach(function (name) {
  VIEWS[name].nodes.forEach(function (n) { byId[n.id] = n; viewOf[n.id] = name; });
});
VIEWS.concepts.nodes.forEach(function (n) {
  n.mentions.forEach(function (m) { (noteConcepts[m[0]] = noteConcepts[m[0]] || []).push(n.id); });
});

// ---- header
document.getElementById("vault-name").textContent = DATA.vault;
document.getElementById("summary").textContent = plural(DATA.totals.concept || 0, "concept", "concepts") + " · " +
  plural(DATA.totals.note || 0, "note", "notes") + " · " + plural(DATA.weeks.length, "week", "weeks");
if (DATA.message) {
  var m = document.getElementById("message");
  m.style.display = "flex";
  m.textContent = DATA.message;
}

// ---- controls
var from = document.getElementById("week-from"), to = document.getElementById("week-to");
DATA.weeks.forEach(function (w, i) {
  var a = el("option", w.label); a.value = String(i); from.appendChild(a);
  var b = el("option", w.label); b.value = String(i); to.appendChild(b);
});
if (DATA.weeks.length) { from.value = "0"; to.value = String(DATA.weeks.length - 1); }
else { from.disabled = true; to.disabled = true; }
from.addEventListener("change", function () { if (+from.value > +to.value) to.value = from.value; applyFilters(true); });
to.addEventListener("change", function () { if (+to.value < +from.value) from.value = to.value; applyFilters(true); });

var kindOn = {};
DATA.kinds.forEach(function (k) { kindOn[k.kind] = true; });
function drawKinds() {
  var box = document.getElementById("kinds");
  clear(box);
  var here = {};
  VIEWS[current].nodes.forEach(function (n) { here[n.kind] = (here[n.kind] || 0) + 1; });
  DATA.kinds.forEach(function (k) {
    if (!here[k.kind]) return;
    var label = el("label", null, "item");
    var tick = el("input"); tick.type = "checkbox"; tick.checked = kindOn[k.kind]; tick.dataset.kind = k.kind;
    tick.addEventListener("change", function () { kindOn[k.kind] = tick.checked; applyFilters(true); });
    var sw = el("span", null, "swatch"); sw.style.background = k.color;
    label.appendChild(tick); label.appendChild(sw); label.appendChild(el("span", k.label + "s"));
    label.appendChild(el("span", here[k.kind], "count"));
    box.appendChild(label);
  });
}

var slider = document.getElementById("min-weight");
slider.addEventListener("input", function () {
  document.getElementById("weight-value").textContent = slider.value;
  applyFilters(false);
});
function resetSlider() {
  var most = 1;
  VIEWS[current].edges.forEach(function (e) { if (e.weight > most) most = e.weight; });
  slider.max = String(Math.min(most, 20));
  slider.value = "1";
  document.getElementById("weight-value").textContent = "1";
}

var colorBy = document.getElementById("color-by");
colorBy.value = DATA.colorBy === "community" ? "community" : "kind";
colorBy.addEventListener("change", function () { recolor(); drawLegend(); });
function recolor() {
  if (current !== "notes") return;
  var byCommunity = colorBy.value === "community";
  nodes.update(VIEWS.notes.nodes.map(function (n) {
    var c = byCommunity ? n.communityColor : n.kindColor;
    return { id: n.id, color: { background: c, border: n.kind === "missing" ? "#868e96" : "#ffffff",
      highlight: { background: c, border: "#212529" } } };
  }));
}

function swatchRow(color, text, line) {
  var row = el("div", null, "item");
  var sw = el("span", null, line ? "swatch line" : "swatch"); sw.style.background = color;
  row.appendChild(sw); row.appendChild(el("span", text, "small"));
  return row;
}
function drawLegend() {
  var box = document.getElementById("legend"), title = document.getElementById("legend-title");
  clear(box);
  if (current === "concepts") {
    title.textContent = "Clusters";
    VIEWS.concepts.clusters.forEach(function (c) {
      var b = el("button", null, "cluster");
      b.type = "button";
      var sw = el("span", null, "swatch"); sw.style.background = c.color;
      b.appendChild(sw); b.appendChild(el("span", c.name, "name")); b.appendChild(el("span", c.size, "count"));
      b.addEventListener("click", function () { focusCluster(c.number); });
      box.appendChild(b);
    });
    if (VIEWS.concepts.nodes.some(function (n) { return n.cluster === null; }))
      box.appendChild(swatchRow(DATA.noCluster, "no strong tie to the others"));
  } else if (colorBy.value === "kind") {
    title.textContent = "Links";
    DATA.edgeKinds.forEach(function (k) { box.appendChild(swatchRow(k.color, k.kind, true)); });
  } else {
    title.textContent = "Legend";
    box.appendChild(el("div", "Colours are the graph's communities (Louvain).", "small"));
  }
}
function focusCluster(number) {
  var ids = VIEWS.concepts.nodes.filter(function (n) { return n.cluster === number && !hidden[n.id]; })
    .map(function (n) { return n.id; });
  if (!ids.length) return;
  network.selectNodes(ids);
  network.fit({ nodes: ids, animation: { duration: 400 } });
}

// ---- filters: kinds, week range, minimum weight
var hidden = {};
function applyFilters(refit) {
  var view = VIEWS[current];
  var lo = +from.value || 0, hi = DATA.weeks.length ? +to.value : 0;
  var narrowed = DATA.weeks.length && (lo > 0 || hi < DATA.weeks.length - 1);
  var minWeight = +slider.value || 1;
  var changes = [], visible = [];
  view.nodes.forEach(function (n) {
    var hide = !kindOn[n.kind] || (narrowed && !n.weeks.some(function (w) { return w >= lo && w <= hi; }));
    hidden[n.id] = hide;
    changes.push({ id: n.id, hidden: hide });
    if (!hide) visible.push(n.id);
  });
  nodes.update(changes);
  edges.update(view.edges.map(function (e) {
    return { id: e.id, hidden: hidden[e.from] || hidden[e.to] || e.weight < minWeight };
  }));
  setStatus(visible.length + " of " + view.nodes.length + " shown");
  if (refit && window.vgSettled && visible.length) {
    if (visible.length === view.nodes.length) openView();
    else network.fit({ nodes: visible, animation: false });
  }
}

// ---- views
function openView() {
  var b = VIEWS[current].bounds, pad = DATA.margin, scale;
  if (VIEWS[current].browserLayout) {  // laid out here: its bounds are not known in advance
    network.fit({ animation: false });
    scale = network.getScale();
  } else {
    var width = Math.max(b[2] - b[0], 1), height = Math.max(b[3] - b[1], 1);
    scale = Math.min((container.clientWidth - 2 * pad) / width, (container.clientHeight - 2 * pad) / height,
      DATA.maxOpeningScale);
    network.moveTo({ position: { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2 }, scale: scale, animation: false });
  }
  // Labels of `quiet` size stay hidden at the opening view and appear as one zooms in (vis draws a
  // label once its size on screen reaches the threshold minus 1 px).
  var threshold = Math.max(DATA.drawThreshold, VIEWS[current].quiet * scale + 2);
  network.setOptions({ nodes: { scaling: { label: { drawThreshold: threshold } } } });
}
function leftOutText() {
  var view = VIEWS[current];
  if (!view.leftOut) return "";
  return current === "concepts"
    ? "Showing the " + view.nodes.length + " most salient of " + (view.nodes.length + view.leftOut) +
      " concepts (vaultgraph graph --top N to change)."
    : view.nodes.length + " of " + (view.nodes.length + view.leftOut) + " notes, weeks, tags and missing notes " +
      "shown: tags of a single note are left out, and past --max-nodes N the least salient.";
}
function showView(name, then) {
  if (current === name) { if (then) then(); return; }
  current = name;
  ["concepts", "notes"].forEach(function (v) {
    var b = document.getElementById("view-" + v);
    b.setAttribute("aria-pressed", String(v === name));
    b.disabled = !VIEWS[v].nodes.length;
  });
  details.style.display = "none";
  tip.style.display = "none";
  nodes.clear(); edges.clear();
  var view = VIEWS[name];
  nodes.add(view.nodes);
  edges.add(view.edges);
  document.getElementById("color-box").style.display = name === "notes" ? "" : "none";
  search.placeholder = name === "concepts" ? "Search concepts…" : "Search notes, tags, weeks…";
  document.getElementById("hint").textContent = name === "concepts"
    ? "Scroll to zoom: the smaller concepts' names appear. Click a concept for its notes and weeks."
    : "Scroll to zoom for the notes' names. Click a note for its concepts; double-click opens it.";
  var lo = document.getElementById("left-out");
  lo.textContent = leftOutText();
  lo.hidden = !lo.textContent;
  drawKinds(); resetSlider(); recolor(); drawLegend(); applyFilters(false);
  runSearch();
  var ready = function () {
    openView();
    applyFilters(false);  // the status line: what is shown
    network.once("afterDrawing", function () { window.vgSettled = true; if (then) then(); });
    network.redraw();
  };
  if (view.browserLayout) {
    window.vgSettled = false;
    setStatus("laying out " + view.nodes.length + " nodes…");
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      ready();
    });
    network.stabilize(DATA.options.physics.stabilization.iterations);
  } else {
    ready();
  }
}
document.getElementById("view-concepts").addEventListener("click", function () { showView("concepts"); });
document.getElementById("view-notes").addEventListener("click", function () { showView("notes"); });

// ---- search (the view on screen)
var search = document.getElementById("search"), hits = document.getElementById("hits");
function matches(q) {
  q = q.normalize("NFC").toLowerCase().trim();
  if (!q) return [];
  return VIEWS[current].nodes.filter(function (n) {
    if (hidden[n.id]) return false;
    if (n.full.normalize("NFC").toLowerCase().indexOf(q) >= 0) return true;
    return n.variants.some(function (v) { return v.normalize("NFC").toLowerCase().indexOf(q) >= 0; });
  }).map(function (n) { return n.id; });
}
function runSearch() {
  var found = matches(search.value);
  network.selectNodes(found);
  hits.textContent = search.value.trim() ? plural(found.length, "match", "matches") +
    (found.length ? " · Enter to zoom" : "") : "";
}
search.addEventListener("input", runSearch);
search.addEventListener("keydown", function (ev) {
  if (ev.key !== "Enter") return;
  var found = matches(search.value);
  if (found.length) {
    network.fit({ nodes: found, animation: { duration: 400 } });
    if (found.length === 1) showDetails(byId[found[0]]);
  }
});

// ---- tooltip (hover) and details (click), built from text nodes only
var tip = document.getElementById("tip"), details = document.getElementById("details");
function badge(n) {
  var b = el("span", KIND[n.kind].label, "kind-badge");
  b.style.background = n.kind === "concept" && n.cluster !== null ? byCluster(n.cluster).color : n.kindColor;
  return b;
}
function byCluster(number) {
  return VIEWS.concepts.clusters.filter(function (c) { return c.number === number; })[0];
}
function describe(box, n, titleTag) {
  box.appendChild(el(titleTag, n.full));
  var meta = el("div", null, "meta");
  meta.appendChild(badge(n));
  var text = weekSpan(n) + " · " + countText(n);
  if (n.kind === "concept" && n.cluster !== null) text += " · cluster " + byCluster(n.cluster).name;
  meta.appendChild(document.createTextNode(text));
  box.appendChild(meta);
}
network.on("hoverNode", function (p) {
  var n = byId[p.node];
  if (!n) return;
  clear(tip);
  describe(tip, n, "b");
  if (n.snippet) tip.appendChild(el("div", n.snippet, "snippet"));
  var x = p.pointer.DOM.x + container.offsetLeft + 14, y = p.pointer.DOM.y + 14;
  tip.style.display = "block";
  tip.style.left = Math.min(x, window.innerWidth - tip.offsetWidth - 8) + "px";
  tip.style.top = Math.min(y, window.innerHeight - tip.offsetHeight - 8) + "px";
});
network.on("blurNode", function () { tip.style.display = "none"; });
network.on("dragStart", function () { tip.style.display = "none"; });

function neighbours(id) {
  var list = [];
  VIEWS[viewOf[id]].edges.forEach(function (e) {
    if (e.from === id && byId[e.to]) list.push([e.weight, byId[e.to], e.kind]);
    else if (e.to === id && byId[e.from]) list.push([e.weight, byId[e.from], e.kind]);
  });
  list.sort(function (a, b) { return b[0] - a[0]; });
  return list.slice(0, 12);
}
function goTo(n) {
  showView(viewOf[n.id], function () {
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    showDetails(n);
  });
}
function linkButton(text, action) {
  var b = el("button", text, "link");
  b.type = "button";
  b.addEventListener("click", action);
  return b;
}
function section(title, items) {
  details.appendChild(el("h4", title));
  var ul = el("ul");
  items.forEach(function (li) { ul.appendChild(li); });
  details.appendChild(ul);
}
function noteItem(ref, text) {
  var note = DATA.notes[ref], li = el("li");
  li.appendChild(linkButton(note.title, function () { openUrl(note.url); }));
  if (text) li.appendChild(el("div", text, "snippet"));
  return li;
}
function conceptDetails(n) {
  var seen = {}, others = [];
  seen[n.full.toLowerCase()] = true;
  n.variants.forEach(function (v) { if (!seen[v.toLowerCase()]) { seen[v.toLowerCase()] = true; others.push(v); } });
  if (others.length) details.appendChild(el("p", "also written: " + others.join(", "), "small"));
  details.appendChild(el("h4", plural(n.mentions.length + n.more, "note", "notes") + " · " +
    plural(n.weeks.length, "week", "weeks")));
  var ul = el("ul"), lastWeek = null;
  n.mentions.forEach(function (m) {
    var week = DATA.notes[m[0]].week;
    if (week !== lastWeek) {
      ul.appendChild(el("li", week >= 0 ? weekLabel(week) : "no week", "week"));
      lastWeek = week;
    }
    ul.appendChild(noteItem(m[0], m[1]));
  });
  if (n.more) ul.appendChild(el("li", "and " + plural(n.more, "more note", "more notes"), "small"));
  details.appendChild(ul);
  var related = neighbours(n.id);
  if (related.length) {
    details.appendChild(el("h4", "Goes with"));
    var chips = el("div", null, "chips");
    related.forEach(function (item) { chips.appendChild(linkButton(item[1].full, function () { goTo(item[1]); })); });
    details.appendChild(chips);
  }
  var onMap = n.mentions.map(function (m) { return DATA.notes[m[0]].id; }).filter(function (id) { return byId[id]; });
  if (onMap.length) {
    var b = el("button", "Show these notes in the notes map", "action");
    b.type = "button";
    b.addEventListener("click", function () {
      showView("notes", function () {
        var ids = onMap.filter(function (id) { return !hidden[id]; });
        network.selectNodes(ids);
        if (ids.length) network.fit({ nodes: ids, animation: { duration: 400 } });
      });
    });
    details.appendChild(b);
  }
}
function noteDetails(n) {
  var url = safeUrl(n.url);
  if (url) {
    var p = el("p", null, "small"), a = el("a", url.indexOf("obsidian:") === 0 ? "Open in Obsidian" : "Open file");
    a.setAttribute("href", url); a.setAttribute("target", "_blank"); a.setAttribute("rel", "noopener");
    p.appendChild(a); p.appendChild(document.createTextNode(" · " + n.path));
    details.appendChild(p);
  }
  var concepts = (noteConcepts[n.note] || []).map(function (id) { return byId[id]; });
  if (concepts.length) {
    details.appendChild(el("h4", "Concepts on the concept map"));
    var chips = el("div", null, "chips");
    concepts.forEach(function (c) { chips.appendChild(linkButton(c.full, function () { goTo(c); })); });
    details.appendChild(chips);
  }
}
function showDetails(n) {
  clear(details);
  var close = el("button", "×", "close");
  close.setAttribute("aria-label", "Close");
  close.addEventListener("click", function () { details.style.display = "none"; network.unselectAll(); });
  details.appendChild(close);
  describe(details, n, "h3");
  if (n.snippet && n.kind !== "concept") details.appendChild(el("div", n.snippet, "snippet"));
  if (n.kind === "concept") conceptDetails(n);
  else {
    if (n.kind === "note") noteDetails(n);
    var near = neighbours(n.id);
    if (near.length) section("Connected", near.map(function (item) {
      var li = el("li");
      li.appendChild(linkButton(item[1].full, function () { goTo(item[1]); }));
      li.appendChild(el("span", "  " + item[2] + (item[0] > 1 ? " ×" + item[0] : ""), "count"));
      return li;
    }));
  }
  details.style.display = "block";
  window.setTimeout(function () { keepInSight(n.id); }, 300);  // after a double-click's second click
}
// Pan so a node shown in the details panel is not hidden under it.
function keepInSight(id) {
  if (viewOf[id] !== current || !network.body.nodes[id] || details.style.display === "none") return;
  var box = container.getBoundingClientRect(), panel = details.getBoundingClientRect();
  var free = panel.left - box.left - 24, at = network.canvasToDOM(network.getPosition(id));
  if (at.x < free) return;
  var view = network.getViewPosition(), scale = network.getScale();
  network.moveTo({ position: { x: view.x + (at.x - free / 2) / scale, y: view.y }, animation: { duration: 300 } });
}
network.on("click", function (p) {
  tip.style.display = "none";
  if (!p.nodes.length) { details.style.display = "none"; return; }
  showDetails(byId[p.nodes[0]]);
});
network.on("doubleClick", function (p) { if (p.nodes.length) openUrl(byId[p.nodes[0]].url); });

// ---- status line and opening view
var statusBox = document.getElementById("status");
function setStatus(text) { statusBox.textContent = text; }
showView(DATA.start);
