(function () {
  'use strict';

  // ---- data ---------------------------------------------------------------------------------
  // Every string from the project is untrusted: it reaches the page only through textContent,
  // setAttribute or the Java Markdown renderer's output (descriptions), never through innerHTML.
  var DATA = JSON.parse(document.getElementById('docs-data').textContent);
  var NODES = DATA.nodes;
  var N = NODES.length;
  var MAX_DRAW = 1500;
  var NEIGHBOURHOOD_HOPS = 2;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var TYPE_COLORS = {
    source: '#1f9d5b', seed: '#0b7f94', model: '#2f6fdb', snapshot: '#8a4fd1',
    test: '#7b8494', exposure: '#e8590c', analysis: '#a61e4d'
  };
  var TYPE_ORDER = ['source', 'seed', 'model', 'snapshot', 'test', 'exposure', 'analysis'];
  var DEFAULT_TYPES = { source: true, seed: true, model: true, snapshot: true, exposure: true, analysis: true };
  var NODE_W = 224, NODE_H = 32, LAYER_GAP = 284, ROW_GAP = 46;

  var byId = new Map();
  NODES.forEach(function (n, i) { n.index = i; byId.set(n.id, i); });
  // Dummy rows of long edges, keyed "parent>child": rows at the layers in between.
  var edgeBends = new Map();
  DATA.edges.forEach(function (e) { edgeBends.set(e[0] + '>' + e[1], e.slice(2)); });

  var state = {
    types: Object.assign({}, DEFAULT_TYPES),
    tag: '', folder: '',
    selection: null,      // Set of indexes chosen by the selector box
    selectorText: '',
    focus: -1,            // the node whose page is open
    matches: null,        // Set of indexes matching the search box
    view: 'graph',        // 'graph' or 'columns'
    columnFocus: null     // {node, column} highlighted in the column view
  };

  // ---- small helpers ------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function color(n) { return n.color || TYPE_COLORS[n.type] || '#555'; }
  function nodeHref(i) { return '#!/' + encodeURIComponent(NODES[i].id); }
  function nodeLink(i, label) {
    var a = el('a', { href: nodeHref(i), text: label || displayName(i) });
    a.title = NODES[i].id;
    return a;
  }
  function displayName(i) {
    var n = NODES[i];
    return n.type === 'source' ? n.sourceName + '.' + n.name : n.name;
  }
  function fmt(count) { return count.toLocaleString('en-US'); }
  function truncate(text, max) { return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; }

  // ---- selection syntax ---------------------------------------------------------------------
  function globToRegex(glob) {
    var out = '^';
    for (var k = 0; k < glob.length; k++) {
      var c = glob[k];
      if (c === '*') { out += '.*'; } else if (c === '?') { out += '.'; } else { out += c.replace(/[.+^${}()|[\]\\\/-]/g, '\\$&'); }
    }
    return new RegExp(out + '$', 'i');
  }
  function walk(starts, key, depth) {
    var seen = new Set();
    var frontier = Array.from(starts);
    for (var d = 0; d < depth && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (i) {
        NODES[i][key].forEach(function (j) { if (!seen.has(j)) { seen.add(j); next.push(j); } });
      });
      frontier = next;
    }
    return seen;
  }
  function matchMethod(method, value) {
    var re = globToRegex(value);
    var out = new Set();
    var test;
    switch (method) {
      case '':
        if (value.indexOf('/') >= 0 || /\.(sql|csv|ya?ml)$/i.test(value)) { return matchMethod('path', value); }
        test = value.indexOf('.') >= 0
          ? function (n) { return re.test(n.fqn.join('.')) || re.test(n.name); }
          : function (n) { return re.test(n.name) || re.test(n.fqn[n.fqn.length - 1]); };
        break;
      case 'fqn': test = function (n) { return re.test(n.fqn.join('.')) || re.test(n.name); }; break;
      case 'tag': test = function (n) { return n.tags.some(function (t) { return re.test(t); }); }; break;
      case 'path': {
        var prefix = value.replace(/\/+$/, '');
        var pre = globToRegex(prefix + '/*');
        test = function (n) { return re.test(n.path) || pre.test(n.path) || re.test(n.folder); };
        break;
      }
      case 'resource_type': test = function (n) { return n.type === value.toLowerCase(); }; break;
      case 'package': test = function (n) { return re.test(n.package); }; break;
      case 'source': {
        var parts = value.split('.');
        test = function (n) {
          if (n.type !== 'source') { return false; }
          if (parts.length === 1) { return globToRegex(parts[0]).test(n.sourceName); }
          if (parts.length === 2) { return globToRegex(parts[0]).test(n.sourceName) && globToRegex(parts[1]).test(n.name); }
          return globToRegex(parts[0]).test(n.package) && globToRegex(parts[1]).test(n.sourceName) && globToRegex(parts[2]).test(n.name);
        };
        break;
      }
      default:
        if (method.indexOf('config.') === 0) {
          var key = method.slice(7);
          test = function (n) {
            var v = key === 'materialized' ? n.materialized : (n.config || {})[key];
            if (v == null) { return false; }
            return Array.isArray(v) ? v.some(function (x) { return re.test(String(x)); }) : re.test(String(v));
          };
          break;
        }
        throw new Error("unknown selector method '" + method + "'");
    }
    NODES.forEach(function (n, i) { if (test(n)) { out.add(i); } });
    return out;
  }
  var TERM = /^(@)?(?:(\d*)\+)?(?:([a-z_]+(?:\.[a-z_]+)?):)?([^+]+?)(?:\+(\d*))?$/i;
  function evalTerm(term) {
    var m = TERM.exec(term);
    if (!m) { throw new Error("cannot read '" + term + "'"); }
    var at = !!m[1];
    var upDepth = m[2] === undefined ? 0 : (m[2] === '' ? Infinity : parseInt(m[2], 10));
    var downDepth = m[5] === undefined ? 0 : (m[5] === '' ? Infinity : parseInt(m[5], 10));
    if (term.indexOf('+') < 0) { upDepth = 0; downDepth = 0; }
    var base = matchMethod((m[3] || '').toLowerCase(), m[4]);
    var out = new Set(base);
    if (at) {
      var down = walk(base, 'children', Infinity);
      down.forEach(function (i) { out.add(i); });
      walk(out, 'parents', Infinity).forEach(function (i) { out.add(i); });
      return out;
    }
    if (upDepth) { walk(base, 'parents', upDepth).forEach(function (i) { out.add(i); }); }
    if (downDepth) { walk(base, 'children', downDepth).forEach(function (i) { out.add(i); }); }
    return out;
  }
  function evaluateSelector(text) {
    var union = new Set();
    text.trim().split(/\s+/).filter(Boolean).forEach(function (part) {
      var terms = part.split(',').filter(Boolean);
      var acc = null;
      terms.forEach(function (t) {
        var found = evalTerm(t);
        acc = acc === null ? found : new Set(Array.from(acc).filter(function (i) { return found.has(i); }));
      });
      (acc || new Set()).forEach(function (i) { union.add(i); });
    });
    return union;
  }

  // ---- which nodes to draw ------------------------------------------------------------------
  function passesFilters(n) {
    if (n.hidden) { return false; }
    if (!state.types[n.type]) { return false; }
    if (state.tag && n.tags.indexOf(state.tag) < 0) { return false; }
    if (state.folder && !(n.folder === state.folder || n.folder.indexOf(state.folder + '/') === 0)) { return false; }
    return true;
  }
  function visibleSet() {
    var all = [];
    for (var i = 0; i < N; i++) { if (passesFilters(NODES[i])) { all.push(i); } }
    var info = { total: all.length, limited: false, around: '' };
    if (all.length <= MAX_DRAW) { return { nodes: new Set(all), info: info }; }
    // Too big to draw at once: only the neighbourhood of what the user is looking at.
    var seeds = [];
    if (state.focus >= 0) { seeds = [state.focus]; info.around = displayName(state.focus); }
    else if (state.selection && state.selection.size) { seeds = Array.from(state.selection); info.around = 'the selection'; }
    else if (state.matches && state.matches.size) { seeds = Array.from(state.matches); info.around = 'the search results'; }
    info.limited = true;
    var allowed = new Set(all);
    var out = new Set();
    var frontier = seeds.filter(function (i) { return allowed.has(i); }).slice(0, MAX_DRAW);
    frontier.forEach(function (i) { out.add(i); });
    if (frontier.length < seeds.length) { info.around = fmt(MAX_DRAW) + ' nodes of ' + info.around; }
    for (var hop = 0; hop < NEIGHBOURHOOD_HOPS && out.size < MAX_DRAW; hop++) {
      var next = [];
      frontier.forEach(function (i) {
        NODES[i].parents.concat(NODES[i].children).forEach(function (j) {
          if (allowed.has(j) && !out.has(j) && out.size < MAX_DRAW) { out.add(j); next.push(j); }
        });
      });
      frontier = next;
    }
    return { nodes: out, info: info };
  }

  // ---- layout of a drawn subset -------------------------------------------------------------
  // The Java side ordered every layer to reduce crossings; here the drawn subset keeps that order
  // and gets fresh rows: each vertex is pulled towards its neighbours, rows kept in order and
  // apart by the least-squares fit (pool adjacent violators), as in LayeredLayout.java.
  function orderedWithGap(want, gaps) {
    var n = want.length, level = [], size = [], offset = [0];
    for (var i = 1; i < n; i++) { offset.push(offset[i - 1] + gaps[i - 1]); }
    for (i = 0; i < n; i++) {
      level.push(want[i] - offset[i]); size.push(1);
      while (level.length > 1 && level[level.length - 2] > level[level.length - 1]) {
        var b = level.pop(), sb = size.pop();
        var a = level.pop(), sa = size.pop();
        level.push((a * sa + b * sb) / (sa + sb)); size.push(sa + sb);
      }
    }
    var out = [], k = 0;
    for (var j = 0; j < level.length; j++) { for (var s = 0; s < size[j]; s++, k++) { out.push(level[j] + offset[k]); } }
    return out;
  }
  function layoutSubset(drawn) {
    var layersUsed = Array.from(new Set(Array.from(drawn).map(function (i) { return NODES[i].layer; }))).sort(function (a, b) { return a - b; });
    var column = new Map();
    layersUsed.forEach(function (l, k) { column.set(l, k); });
    var verts = [];   // {key, node (or -1), col, order, h, up:[], down:[]}
    var vertOf = new Map();
    function addVert(key, node, col, order, h) {
      var v = { key: key, node: node, col: col, order: order, h: h, up: [], down: [], y: 0 };
      verts.push(v); vertOf.set(key, v); return v;
    }
    drawn.forEach(function (i) { addVert('n' + i, i, column.get(NODES[i].layer), NODES[i].y, 1); });
    var edges = [];
    drawn.forEach(function (child) {
      NODES[child].parents.forEach(function (parent) {
        if (!drawn.has(parent)) { return; }
        var bends = edgeBends.get(parent + '>' + child) || [];
        var chain = [vertOf.get('n' + parent)];
        var startLayer = NODES[parent].layer;
        bends.forEach(function (row, k) {
          var layer = startLayer + k + 1;
          if (column.has(layer)) { chain.push(addVert('d' + parent + '>' + child + '#' + k, -1, column.get(layer), row, 0.35)); }
        });
        chain.push(vertOf.get('n' + child));
        for (var k = 0; k + 1 < chain.length; k++) { chain[k].down.push(chain[k + 1]); chain[k + 1].up.push(chain[k]); }
        edges.push({ parent: parent, child: child, chain: chain });
      });
    });
    var columns = layersUsed.map(function () { return []; });
    verts.forEach(function (v) { columns[v.col].push(v); });
    var tallest = 0;
    columns.forEach(function (c) {
      c.sort(function (a, b) { return a.order - b.order || (a.key < b.key ? -1 : 1); });
      var h = 0; c.forEach(function (v) { h += v.h; }); tallest = Math.max(tallest, h);
    });
    columns.forEach(function (c) {
      var y = (tallest - c.reduce(function (s, v) { return s + v.h; }, 0)) / 2;
      c.forEach(function (v) { v.y = y; y += v.h; });
    });
    function place(c, primary) {
      if (!c.length) { return; }
      var want = c.map(function (v) {
        var around = v[primary].length ? v[primary] : v[primary === 'up' ? 'down' : 'up'];
        if (!around.length) { return v.y; }
        return around.reduce(function (s, u) { return s + u.y; }, 0) / around.length;
      });
      var gaps = [];
      for (var k = 0; k + 1 < c.length; k++) { gaps.push((c[k].h + c[k + 1].h) / 2); }
      var ys = orderedWithGap(want, gaps);
      c.forEach(function (v, k) { v.y = ys[k]; });
    }
    for (var sweep = 0; sweep < 8; sweep++) {
      if (sweep % 2 === 0) { for (var a = 1; a < columns.length; a++) { place(columns[a], 'up'); } }
      else { for (var b = columns.length - 2; b >= 0; b--) { place(columns[b], 'down'); } }
    }
    var minY = Infinity;
    verts.forEach(function (v) { minY = Math.min(minY, v.y); });
    verts.forEach(function (v) { v.px = v.col * LAYER_GAP; v.py = (v.y - minY) * ROW_GAP; });
    return { verts: verts, vertOf: vertOf, edges: edges, columns: layersUsed.length };
  }

  // ---- pan and zoom -------------------------------------------------------------------------
  var view = { x: 20, y: 20, k: 1 };
  var svgRoot = $('graph'), viewport = $('viewport');
  function applyView() { viewport.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')'); }
  function zoomAt(factor, cx, cy) {
    var k = Math.max(0.05, Math.min(4, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k; applyView();
  }
  function fit(box) {
    var rect = svgRoot.getBoundingClientRect();
    if (!box || box.w <= 0 || rect.width <= 0) { return; }
    var k = Math.min(1.2, Math.min((rect.width - 40) / box.w, (rect.height - 40) / box.h));
    view.k = Math.max(0.05, k);
    view.x = (rect.width - box.w * view.k) / 2 - box.x * view.k;
    view.y = (rect.height - box.h * view.k) / 2 - box.y * view.k;
    applyView();
  }
  function centerOn(px, py) {
    var rect = svgRoot.getBoundingClientRect();
    view.k = Math.max(view.k, 0.8);
    view.x = rect.width / 2 - px * view.k;
    view.y = rect.height / 2 - py * view.k;
    applyView();
  }
  svgRoot.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var rect = svgRoot.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - rect.left, ev.clientY - rect.top);
  }, { passive: false });
  var drag = null;
  svgRoot.addEventListener('mousedown', function (ev) {
    if (ev.button !== 0) { return; }
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
    svgRoot.classList.add('panning');
  });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
    view.x = drag.vx + dx; view.y = drag.vy + dy; applyView();
  });
  window.addEventListener('mouseup', function () {
    svgRoot.classList.remove('panning');
    setTimeout(function () { drag = null; }, 0);
  });
  function wasDrag() { return drag && drag.moved; }
  $('zoom-in').addEventListener('click', function () { var r = svgRoot.getBoundingClientRect(); zoomAt(1.25, r.width / 2, r.height / 2); });
  $('zoom-out').addEventListener('click', function () { var r = svgRoot.getBoundingClientRect(); zoomAt(0.8, r.width / 2, r.height / 2); });
  $('fit').addEventListener('click', function () { fit(lastBox); });

  // ---- drawing the model graph --------------------------------------------------------------
  var lastBox = null, lastLayout = null;
  function edgePath(points) {
    // points: [{x1 (left), x2 (right), y}], parent first; curves between vertices, straight through dummies.
    var d = 'M' + points[0].x2 + ',' + points[0].y;
    for (var k = 1; k < points.length; k++) {
      var p = points[k - 1], q = points[k];
      var mid = (q.x1 - p.x2) / 2;
      d += ' C' + (p.x2 + mid) + ',' + p.y + ' ' + (q.x1 - mid) + ',' + q.y + ' ' + q.x1 + ',' + q.y;
      if (q.x2 !== q.x1) { d += ' L' + q.x2 + ',' + q.y; }
    }
    return d;
  }
  function drawGraph() {
    var chosen = visibleSet();
    var drawn = chosen.nodes;
    var layout = layoutSubset(drawn);
    lastLayout = layout;
    while (viewport.firstChild) { viewport.removeChild(viewport.firstChild); }
    var highlight = state.selection;
    var edgeLayer = svg('g', { 'class': 'edges' });
    var nodeLayer = svg('g', { 'class': 'nodes' });
    viewport.appendChild(edgeLayer); viewport.appendChild(nodeLayer);
    layout.edges.forEach(function (e) {
      var pts = e.chain.map(function (v) {
        var cy = v.py + NODE_H / 2;
        return v.node >= 0 ? { x1: v.px, x2: v.px + NODE_W, y: cy } : { x1: v.px, x2: v.px + NODE_W, y: cy };
      });
      var cls = 'edge';
      if (highlight) { cls += highlight.has(e.parent) && highlight.has(e.child) ? ' hl' : ' dim'; }
      else if (state.focus >= 0 && (e.parent === state.focus || e.child === state.focus)) { cls += ' hl'; }
      edgeLayer.appendChild(svg('path', { d: edgePath(pts), 'class': cls, 'data-from': String(e.parent), 'data-to': String(e.child) }));
    });
    var box = { x: Infinity, y: Infinity, x2: -Infinity, y2: -Infinity };
    layout.verts.forEach(function (v) {
      if (v.node < 0) { return; }
      var n = NODES[v.node];
      var cls = 'node';
      if (highlight && !highlight.has(v.node)) { cls += ' dim'; }
      if (state.matches && state.matches.has(v.node)) { cls += ' match'; }
      if (v.node === state.focus) { cls += ' focus'; }
      var g = svg('g', { 'class': cls, transform: 'translate(' + v.px + ',' + v.py + ')', 'data-id': n.id, 'data-index': String(v.node) });
      var title = svg('title', {}); title.textContent = n.id; g.appendChild(title);
      g.appendChild(svg('rect', { width: NODE_W, height: NODE_H, rx: 7, fill: color(n) }));
      var kindText = n.type === 'model' ? (n.materialized === 'ephemeral' ? 'eph' : n.materialized === 'incremental' ? 'inc' : '') : ({ source: 'src', seed: 'seed', snapshot: 'snap', test: 'test', exposure: 'exp', analysis: 'anl' })[n.type] || '';
      // About 7.4px per character of the bold 12.5px label; leave room for the kind tag.
      var room = Math.floor((NODE_W - 18 - (kindText ? 8 + kindText.length * 6 : 0)) / 7.4);
      var label = svg('text', { x: 10, y: 20 }); label.textContent = truncate(displayName(v.node), room); g.appendChild(label);
      var kind = svg('text', { x: NODE_W - 8, y: 20, 'text-anchor': 'end', 'class': 'kind' });
      kind.textContent = kindText;
      g.appendChild(kind);
      g.addEventListener('click', function (ev) { ev.stopPropagation(); if (!wasDrag()) { location.hash = nodeHref(v.node); } });
      g.addEventListener('mouseenter', function () { hoverEdges(String(v.node), true); });
      g.addEventListener('mouseleave', function () { hoverEdges(String(v.node), false); });
      nodeLayer.appendChild(g);
      box.x = Math.min(box.x, v.px); box.y = Math.min(box.y, v.py);
      box.x2 = Math.max(box.x2, v.px + NODE_W); box.y2 = Math.max(box.y2, v.py + NODE_H);
    });
    lastBox = drawn.size ? { x: box.x, y: box.y, w: box.x2 - box.x, h: box.y2 - box.y } : null;
    var title = fmt(drawn.size) + ' of ' + fmt(N) + ' nodes drawn';
    if (highlight) { title += ' \u00b7 ' + fmt(highlight.size) + ' selected'; }
    $('view-title').textContent = title;
    showNotes(chosen.info);
    $('back-to-graph').hidden = true;
    return layout;
  }

  function hoverEdges(index, on) {
    edgesOf(index).forEach(function (p) { p.classList.toggle('hover', on); });
  }
  function edgesOf(index) {
    return Array.from(viewport.querySelectorAll('path.edge[data-from="' + index + '"], path.edge[data-to="' + index + '"]'));
  }

  function showNotes(info) {
    var notes = $('notes');
    while (notes.firstChild) { notes.removeChild(notes.firstChild); }
    (DATA.notes || []).forEach(function (text) { notes.appendChild(el('div', { cls: 'note', text: text })); });
    if (info && info.limited) {
      var text = 'This project has ' + fmt(info.total) + ' nodes matching the filters, too many to draw at once (more than ' + fmt(MAX_DRAW) + '). ';
      text += info.around ? 'Showing the neighbourhood (' + NEIGHBOURHOOD_HOPS + ' hops) of ' + info.around + '.'
        : 'Search for a node, open one, or enter a selection to draw its neighbourhood.';
      notes.appendChild(el('div', { cls: 'note', id: 'big-graph-note', text: text }));
    }
  }

  // ---- the column-level view ----------------------------------------------------------------
  function columnGraph(focus) {
    // Columns reached upstream from every output column of the focus node, through lineage.
    var wanted = new Map(); // node -> Set of lower-case column names
    var names = new Map();  // node|lower -> name as written
    var links = [];         // [fromNode, fromCol, toNode, toCol]
    function add(i, col) {
      var key = col.toLowerCase();
      if (!wanted.has(i)) { wanted.set(i, new Set()); }
      if (wanted.get(i).has(key)) { return false; }
      wanted.get(i).add(key); names.set(i + '|' + key, col); return true;
    }
    var queue = [];
    var start = NODES[focus].lineage ? Object.keys(NODES[focus].lineage) : NODES[focus].columns.map(function (c) { return c.name; });
    start.forEach(function (c) { if (add(focus, c)) { queue.push([focus, c]); } });
    while (queue.length) {
      var item = queue.shift();
      var lineage = NODES[item[0]].lineage;
      if (!lineage) { continue; }
      var key = Object.keys(lineage).find(function (k) { return k.toLowerCase() === item[1].toLowerCase(); });
      if (key === undefined) { continue; }
      lineage[key].forEach(function (ref) {
        links.push([ref[0], ref[1].toLowerCase(), item[0], item[1].toLowerCase()]);
        if (add(ref[0], ref[1])) { queue.push([ref[0], ref[1]]); }
      });
    }
    return { wanted: wanted, names: names, links: links };
  }
  function drawColumns(focus) {
    var cg = columnGraph(focus);
    while (viewport.firstChild) { viewport.removeChild(viewport.firstChild); }
    var layers = Array.from(new Set(Array.from(cg.wanted.keys()).map(function (i) { return NODES[i].layer; }))).sort(function (a, b) { return a - b; });
    var col = new Map(); layers.forEach(function (l, k) { col.set(l, k); });
    var ROW = 22, HEAD = 30, GAP = 26, W = 240;
    var stacks = layers.map(function () { return []; });
    cg.wanted.forEach(function (cols, i) { stacks[col.get(NODES[i].layer)].push(i); });
    var rowPos = new Map();
    var edgeLayer = svg('g', {}), boxLayer = svg('g', {});
    viewport.appendChild(edgeLayer); viewport.appendChild(boxLayer);
    var heights = stacks.map(function (s) { return s.reduce(function (h, i) { return h + HEAD + cg.wanted.get(i).size * ROW + GAP; }, 0); });
    var tallest = Math.max.apply(null, heights.concat([0]));
    var rows = [];
    stacks.forEach(function (stack, k) {
      stack.sort(function (a, b) { return NODES[a].y - NODES[b].y; });
      var y = (tallest - heights[k]) / 2;
      var x = k * (W + 170);
      stack.forEach(function (i) {
        var n = NODES[i];
        var cols = Array.from(cg.wanted.get(i));
        if (i !== focus) { cols.sort(); }
        var g = svg('g', { 'class': 'colbox', transform: 'translate(' + x + ',' + y + ')' });
        g.appendChild(svg('rect', { 'class': 'body', width: W, height: HEAD + cols.length * ROW, rx: 7 }));
        g.appendChild(svg('rect', { 'class': 'head', width: W, height: HEAD, rx: 7, fill: color(n) }));
        var t = svg('text', { 'class': 'title', x: 10, y: 20 }); t.textContent = truncate(displayName(i), 28); g.appendChild(t);
        var head = g.lastChild.previousSibling;
        head.style.cursor = 'pointer';
        head.addEventListener('click', function () { if (!wasDrag()) { location.hash = nodeHref(i); } });
        cols.forEach(function (c, r) {
          var row = svg('g', { 'class': 'colrow', transform: 'translate(0,' + (HEAD + r * ROW) + ')', 'data-col': i + '|' + c });
          row.appendChild(svg('rect', { width: W, height: ROW }));
          var text = svg('text', { x: 12, y: 15 }); text.textContent = truncate(cg.names.get(i + '|' + c), 30); row.appendChild(text);
          row.addEventListener('click', function (ev) { ev.stopPropagation(); if (!wasDrag()) { highlightColumn(i + '|' + c, cg); } });
          g.appendChild(row);
          rowPos.set(i + '|' + c, { x1: x, x2: x + W, y: y + HEAD + r * ROW + ROW / 2 });
          rows.push(row);
        });
        boxLayer.appendChild(g);
        y += HEAD + cols.length * ROW + GAP;
      });
    });
    cg.links.forEach(function (l) {
      var a = rowPos.get(l[0] + '|' + l[1]), b = rowPos.get(l[2] + '|' + l[3]);
      if (!a || !b) { return; }
      var mid = (b.x1 - a.x2) / 2;
      var p = svg('path', { 'class': 'coledge', d: 'M' + a.x2 + ',' + a.y + ' C' + (a.x2 + mid) + ',' + a.y + ' ' + (b.x1 - mid) + ',' + b.y + ' ' + b.x1 + ',' + b.y });
      p.setAttribute('data-from', l[0] + '|' + l[1]); p.setAttribute('data-to', l[2] + '|' + l[3]);
      edgeLayer.appendChild(p);
    });
    var w = layers.length * (W + 170) - 170;
    lastBox = { x: 0, y: 0, w: Math.max(w, W), h: Math.max(tallest, 100) };
    $('view-title').textContent = 'Column lineage of ' + displayName(focus) + ' \u00b7 ' + fmt(cg.links.length) + ' column edges';
    $('back-to-graph').hidden = false;
    showNotes(null);
    if (NODES[focus].lineageNote) { $('notes').appendChild(el('div', { cls: 'note', text: NODES[focus].lineageNote })); }
    fit(lastBox);
    if (view.k < 0.6) {
      // Too long to read whole: readable size, the model itself at the right edge, pan for the rest.
      var rect = svgRoot.getBoundingClientRect();
      var own = rowPos.get(focus + '|' + Array.from(cg.wanted.get(focus))[0]);
      view.k = 0.6;
      view.x = rect.width - 30 - lastBox.w * view.k;
      view.y = rect.height / 2 - (own ? own.y : lastBox.h / 2) * view.k;
      applyView();
    }
  }
  function highlightColumn(key, cg) {
    // Everything upstream and downstream of one column.
    var up = new Map(), down = new Map();
    cg.links.forEach(function (l) {
      var from = l[0] + '|' + l[1], to = l[2] + '|' + l[3];
      (up.get(to) || up.set(to, []).get(to)).push(from);
      (down.get(from) || down.set(from, []).get(from)).push(to);
    });
    var on = new Set([key]);
    [up, down].forEach(function (map) {
      var stack = [key];
      while (stack.length) { (map.get(stack.pop()) || []).forEach(function (k) { if (!on.has(k)) { on.add(k); stack.push(k); } }); }
    });
    viewport.querySelectorAll('.colrow').forEach(function (r) { r.classList.toggle('hl', on.has(r.getAttribute('data-col'))); });
    viewport.querySelectorAll('.coledge').forEach(function (p) {
      var lit = on.has(p.getAttribute('data-from')) && on.has(p.getAttribute('data-to'));
      p.classList.toggle('hl', lit); p.classList.toggle('dim', !lit);
    });
  }

  // ---- SQL highlighting ---------------------------------------------------------------------
  var KEYWORDS = new Set(('select from where group by order having limit offset join inner left right full outer cross on using as with ' +
    'union all distinct case when then else end and or not in is null like ilike between exists cast over partition rows range ' +
    'preceding following unbounded current row asc desc nulls first last insert into values update set delete create table view ' +
    'replace or if true false interval qualify lateral recursive except intersect window filter within date timestamp').split(' '));
  function highlightSql(code) {
    var pre = el('pre', { cls: 'code' });
    var re = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\})|(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)(\s*\()?|([\s\S])/g;
    var m, plain = '';
    function flush() { if (plain) { pre.appendChild(document.createTextNode(plain)); plain = ''; } }
    function span(cls, text) { flush(); pre.appendChild(el('span', { cls: cls, text: text })); }
    while ((m = re.exec(code)) !== null) {
      if (m[1]) { span('tok-jinja', m[1]); }
      else if (m[2]) { span('tok-com', m[2]); }
      else if (m[3]) { span('tok-str', m[3]); }
      else if (m[4]) { plain += m[4]; }
      else if (m[5]) { span('tok-num', m[5]); }
      else if (m[6]) {
        if (KEYWORDS.has(m[6].toLowerCase())) { span('tok-kw', m[6]); }
        else if (m[7]) { span('tok-fn', m[6]); }
        else { plain += m[6]; }
        if (m[7]) { plain += m[7]; }
      } else { plain += m[8]; }
    }
    flush();
    return pre;
  }

  // ---- the node page ------------------------------------------------------------------------
  function section(title, id) { var h = el('h2', { text: title }); if (id) { h.id = id; } return h; }
  function descriptionBlock(html) {
    var d = el('div', { cls: 'desc' });
    // Trusted: the Java Markdown renderer escapes everything and writes only its own tags.
    if (html) { d.innerHTML = html; } else { d.appendChild(el('p', { cls: 'muted', text: 'No description.' })); }
    return d;
  }
  function statusBadge(status) {
    return el('span', { cls: 'badge ' + status.replace(/\s+/g, '-'), text: status });
  }
  function linkList(indexes) {
    if (!indexes.length) { return el('p', { cls: 'muted', text: 'None.' }); }
    var ul = el('ul', { cls: 'links' });
    indexes.slice().sort(function (a, b) { return displayName(a) < displayName(b) ? -1 : 1; }).forEach(function (i) {
      var li = el('li', {}, [el('span', { cls: 'dot' }), ' ', nodeLink(i)]);
      li.firstChild.style.background = color(NODES[i]);
      ul.appendChild(li);
    });
    return ul;
  }
  function testLinks(tests) {
    var span = el('span', { cls: 'testlist' });
    (tests || []).forEach(function (t) {
      var test = NODES[t];
      var label = test.test && test.test.name ? test.test.name : test.name;
      var a = nodeLink(t, label);
      span.appendChild(a);
      span.appendChild(document.createTextNode(' '));
      if (test.status) { span.appendChild(statusBadge(test.status)); span.appendChild(document.createTextNode(' ')); }
    });
    return span;
  }
  function codeTabs(n) {
    var wrap = el('div', {});
    var tabs = el('div', { cls: 'tabs' });
    var holder = el('div', {});
    var choices = [];
    if (n.compiled) { choices.push(['Compiled SQL', n.compiled, 'compiled-sql']); }
    if (n.raw) { choices.push(['Source', n.raw, 'raw-sql']); }
    choices.forEach(function (c, k) {
      var b = el('button', { type: 'button', text: c[0] });
      b.addEventListener('click', function () {
        tabs.querySelectorAll('button').forEach(function (x) { x.classList.remove('on'); });
        b.classList.add('on');
        while (holder.firstChild) { holder.removeChild(holder.firstChild); }
        var pre = highlightSql(c[1]); pre.id = c[2]; holder.appendChild(pre);
      });
      tabs.appendChild(b);
      if (k === 0) { b.click(); }
    });
    wrap.appendChild(tabs); wrap.appendChild(holder);
    return wrap;
  }
  function showDetails(i) {
    var n = NODES[i];
    var body = $('details-body');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(el('h1', { text: displayName(i) }));
    var meta = el('div', { cls: 'meta' });
    var typeBadge = el('span', { cls: 'badge type', text: n.type });
    typeBadge.style.background = color(n);
    meta.appendChild(typeBadge);
    if (n.type === 'model') { meta.appendChild(el('span', { cls: 'badge', text: n.materialized })); }
    if (n.status) { meta.appendChild(statusBadge(n.status)); }
    n.tags.forEach(function (t) { meta.appendChild(el('span', { cls: 'badge', text: '#' + t })); });
    body.appendChild(meta);
    var facts = el('table', { cls: 'grid facts' });
    [['Unique id', n.id], ['Relation', n.relation], ['File', n.path], ['Package', n.package]].forEach(function (row) {
      if (row[1]) { facts.appendChild(el('tr', {}, [el('th', { text: row[0] }), el('td', { cls: 'mono', text: row[1] })])); }
    });
    if (n.url && /^(https?:\/\/|mailto:)/i.test(n.url)) {
      var link = el('a', { href: n.url, target: '_blank', rel: 'noopener noreferrer', text: n.url });
      facts.appendChild(el('tr', {}, [el('th', { text: 'URL' }), el('td', {}, [link])]));
    }
    body.appendChild(facts);

    body.appendChild(section('Description'));
    body.appendChild(descriptionBlock(n.description));
    if (n.type === 'source' && n.sourceDescription) { body.appendChild(descriptionBlock(n.sourceDescription)); }

    if (n.test) {
      body.appendChild(section('What it checks'));
      var checks = el('table', { cls: 'grid' });
      if (n.test.name) { checks.appendChild(el('tr', {}, [el('th', { text: 'Test' }), el('td', { cls: 'mono', text: (n.test.namespace ? n.test.namespace + '.' : '') + n.test.name })])); }
      else { checks.appendChild(el('tr', {}, [el('th', { text: 'Test' }), el('td', { text: 'Singular test: the query below must return no rows' })])); }
      if (n.test.column) { checks.appendChild(el('tr', {}, [el('th', { text: 'Column' }), el('td', { cls: 'mono', text: n.test.column })])); }
      if (n.test.attached !== undefined) { checks.appendChild(el('tr', {}, [el('th', { text: 'On' }), el('td', {}, [nodeLink(n.test.attached)])])); }
      Object.keys(n.test.kwargs || {}).forEach(function (k) {
        if (k === 'model' || k === 'column_name') { return; }
        var v = n.test.kwargs[k];
        checks.appendChild(el('tr', {}, [el('th', { text: k }), el('td', { cls: 'mono', text: typeof v === 'string' ? v : JSON.stringify(v) })]));
      });
      checks.appendChild(el('tr', {}, [el('th', { text: 'Last status' }), el('td', {}, [n.status ? statusBadge(n.status) : el('span', { cls: 'muted', text: 'not run (no target/run_results.json entry)' })])]));
      body.appendChild(checks);
    }

    if (n.columns.length) {
      body.appendChild(section('Columns', 'columns'));
      var table = el('table', { cls: 'grid', id: 'columns-table' });
      table.appendChild(el('tr', {}, [el('th', { text: 'Column' }), el('th', { text: 'Type' }), el('th', { text: 'Description' }), el('th', { text: 'Tests' })]));
      n.columns.forEach(function (c) {
        var desc = el('td', {});
        if (c.description) { var d = el('div', { cls: 'desc' }); d.innerHTML = c.description; desc.appendChild(d); }
        table.appendChild(el('tr', {}, [el('td', { cls: 'mono', text: c.name }), el('td', { cls: 'mono', text: c.type || '' }), desc, el('td', {}, [testLinks(c.tests)])]));
      });
      body.appendChild(table);
    }

    if (n.lineage || n.lineageNote) {
      body.appendChild(section('Column lineage', 'column-lineage'));
      if (n.lineageNote) { body.appendChild(el('p', { cls: 'note', text: n.lineageNote })); }
      var keys = Object.keys(n.lineage || {});
      if (keys.length) {
        var show = el('button', { type: 'button', id: 'show-column-graph', text: 'Show column-level graph' });
        show.addEventListener('click', function () { location.hash = '#!columns/' + encodeURIComponent(n.id); });
        body.appendChild(el('p', {}, [show]));
        var lt = el('table', { cls: 'grid', id: 'lineage-table' });
        lt.appendChild(el('tr', {}, [el('th', { text: 'Column' }), el('th', { text: 'Comes from' })]));
        keys.forEach(function (k) {
          var from = el('td', {});
          n.lineage[k].forEach(function (ref, r) {
            if (r) { from.appendChild(document.createTextNode(', ')); }
            from.appendChild(nodeLink(ref[0], displayName(ref[0]) + '.' + ref[1]));
          });
          if (!n.lineage[k].length) { from.appendChild(el('span', { cls: 'muted', text: 'no upstream column (a constant or computed value)' })); }
          lt.appendChild(el('tr', {}, [el('td', { cls: 'mono', text: k }), from]));
        });
        body.appendChild(lt);
      }
    }

    body.appendChild(section('Upstream', 'upstream'));
    var up = linkList(n.parents); up.id = 'upstream-list'; body.appendChild(up);
    body.appendChild(section('Downstream', 'downstream'));
    var down = linkList(n.children); down.id = 'downstream-list'; body.appendChild(down);

    if (n.compiled || n.raw) {
      body.appendChild(section('Code', 'code'));
      body.appendChild(codeTabs(n));
    }
    body.appendChild(section('Config'));
    body.appendChild(el('pre', { cls: 'code', text: JSON.stringify(n.config, null, 2) }));
    $('details').hidden = false;
    $('details').scrollTop = 0;
  }

  // ---- search -------------------------------------------------------------------------------
  var searchIndex = NODES.map(function (n) {
    return { name: displayName(n.index).toLowerCase(), cols: n.columns.map(function (c) { return c.name.toLowerCase(); }) };
  });
  var activeResult = -1;
  function runSearch(text) {
    var q = text.trim().toLowerCase();
    var list = $('search-results');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    activeResult = -1;
    if (!q) { list.hidden = true; state.matches = null; drawGraph(); return; }
    var hits = [];
    for (var i = 0; i < N; i++) {
      var s = searchIndex[i];
      var pos = s.name.indexOf(q);
      if (pos >= 0) { hits.push([pos === 0 ? 0 : 1, s.name.length, i, '']); continue; }
      var col = s.cols.find(function (c) { return c.indexOf(q) >= 0; });
      if (col) { hits.push([2, s.name.length, i, 'column ' + col]); }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    state.matches = new Set(hits.filter(function (h) { return h[0] < 2; }).map(function (h) { return h[2]; }));
    hits.slice(0, 40).forEach(function (h) {
      var i = h[2];
      var dot = el('span', { cls: 'dot' }); dot.style.background = color(NODES[i]);
      var li = el('li', { 'data-index': String(i) }, [dot, el('span', { text: displayName(i) }), el('span', { cls: 'hint', text: h[3] || NODES[i].type })]);
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); openFromSearch(i); });
      list.appendChild(li);
    });
    if (!hits.length) { list.appendChild(el('li', { cls: 'muted', text: 'No matches' })); }
    list.hidden = false;
    drawGraph();
  }
  function openFromSearch(i) {
    $('search-results').hidden = true;
    location.hash = nodeHref(i);
  }
  $('search').addEventListener('input', function (ev) { runSearch(ev.target.value); });
  $('search').addEventListener('keydown', function (ev) {
    var items = Array.from($('search-results').querySelectorAll('li[data-index]'));
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!items.length) { return; }
      activeResult = (activeResult + (ev.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach(function (li, k) { li.classList.toggle('active', k === activeResult); });
    } else if (ev.key === 'Enter') {
      var pick = items[Math.max(activeResult, 0)];
      if (pick) { openFromSearch(parseInt(pick.getAttribute('data-index'), 10)); }
    } else if (ev.key === 'Escape') {
      $('search-results').hidden = true;
    }
  });
  $('search').addEventListener('blur', function () { $('search-results').hidden = true; });
  $('search').addEventListener('focus', function () { if ($('search').value.trim()) { $('search-results').hidden = false; } });

  // ---- selector, filters --------------------------------------------------------------------
  function applySelector() {
    var input = $('selector');
    var text = input.value.trim();
    input.classList.remove('invalid');
    input.title = 'dbt selection syntax; press Enter';
    if (!text) { state.selection = null; redraw(true); return; }
    try {
      state.selection = evaluateSelector(text);
    } catch (e) {
      input.classList.add('invalid');
      input.title = e.message;
      state.selection = new Set();
    }
    state.focus = -1;
    redraw(true);
  }
  $('selector').addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { applySelector(); } });
  $('selector').addEventListener('change', applySelector);

  function buildFilters() {
    var counts = {};
    var tags = new Set(), folders = new Set();
    NODES.forEach(function (n) {
      counts[n.type] = (counts[n.type] || 0) + 1;
      n.tags.forEach(function (t) { tags.add(t); });
      var parts = n.folder.split('/');
      for (var k = 1; k <= parts.length; k++) { if (parts.slice(0, k).join('/')) { folders.add(parts.slice(0, k).join('/')); } }
    });
    var box = $('type-filters');
    TYPE_ORDER.filter(function (t) { return counts[t]; }).forEach(function (t) {
      var input = el('input', { type: 'checkbox', value: t, id: 'type-' + t });
      input.checked = !!state.types[t];
      input.addEventListener('change', function () { state.types[t] = input.checked; redraw(true); });
      var dot = el('span', { cls: 'dot' }); dot.style.background = TYPE_COLORS[t];
      box.appendChild(el('label', { 'for': 'type-' + t }, [input, dot, t, el('span', { cls: 'count', text: fmt(counts[t]) })]));
    });
    Array.from(tags).sort().forEach(function (t) { $('tag-filter').appendChild(el('option', { value: t, text: t })); });
    Array.from(folders).sort().forEach(function (f) { $('folder-filter').appendChild(el('option', { value: f, text: f })); });
    $('tag-filter').addEventListener('change', function (ev) { state.tag = ev.target.value; redraw(true); });
    $('folder-filter').addEventListener('change', function (ev) { state.folder = ev.target.value; redraw(true); });
  }
  $('clear').addEventListener('click', function () {
    $('selector').value = ''; $('search').value = ''; $('tag-filter').value = ''; $('folder-filter').value = '';
    state.selection = null; state.matches = null; state.tag = ''; state.folder = '';
    state.types = Object.assign({}, DEFAULT_TYPES);
    document.querySelectorAll('#type-filters input').forEach(function (i) { i.checked = !!state.types[i.value]; });
    location.hash = '';
    redraw(true);
  });

  // ---- routing ------------------------------------------------------------------------------
  function redraw(refit) {
    state.view = 'graph';
    var layout = drawGraph();
    if (state.focus >= 0) {
      var v = layout.vertOf.get('n' + state.focus);
      if (v) { centerOn(v.px + NODE_W / 2, v.py + NODE_H / 2); return; }
    }
    if (refit) { fit(lastBox); }
  }
  function route() {
    var hash = location.hash;
    if (hash.indexOf('#!columns/') === 0 && byId.has(decodeURIComponent(hash.slice(10)))) {
      // A shareable link to the column-level view of one model.
      var focus = byId.get(decodeURIComponent(hash.slice(10)));
      state.focus = focus;
      // The column view needs the room: the node's page closes, a table header opens it again.
      $('details').hidden = true;
      state.view = 'columns';
      drawColumns(focus);
      return;
    }
    if (hash.indexOf('#!/') === 0) {
      var id = decodeURIComponent(hash.slice(3));
      if (byId.has(id)) {
        var i = byId.get(id);
        state.focus = i;
        var n = NODES[i];
        if (!state.types[n.type]) { state.types[n.type] = true; var box = $('type-' + n.type); if (box) { box.checked = true; } }
        showDetails(i);
        redraw(false);
        return;
      }
    }
    state.focus = -1;
    $('details').hidden = true;
    redraw(true);
  }
  $('close-details').addEventListener('click', function () { location.hash = ''; });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !$('details').hidden && document.activeElement.tagName !== 'INPUT') { location.hash = ''; }
  });
  $('back-to-graph').addEventListener('click', function () { location.hash = state.focus >= 0 ? nodeHref(state.focus) : ''; });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', function () { if (lastBox && state.focus < 0) { fit(lastBox); } });

  $('project-name').textContent = DATA.project;
  buildFilters();
  route();
  document.documentElement.setAttribute('data-ready', 'true');
})();
