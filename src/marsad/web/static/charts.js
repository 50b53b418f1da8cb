// Small SVG charts drawn by hand (no library): line chart with markers, monthly bars, sparkline, force graph.
// Time runs left to right in both languages (the SVGs are dir="ltr"); labels inside use <bdi>-like text runs.
'use strict';
(function () {
  const NS = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs, parent) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    if (parent) parent.appendChild(el);
    return el;
  }

  function text(parent, x, y, str, attrs) {
    const t = svg('text', Object.assign({ x, y }, attrs || {}), parent);
    t.textContent = str;
    return t;
  }

  function frame(width, height, label) {
    // direction is an SVG presentation attribute: without it an Arabic page's rtl flips text-anchor (labels
    // clipped at the edges) and prints a minus sign after the number
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', dir: 'ltr', direction: 'ltr', role: 'img',
      'aria-label': label || '', preserveAspectRatio: 'xMidYMid meet' });
    return root;
  }

  // signed numbers with a true minus sign (U+2212), which the bidi algorithm never moves to the other side
  function signed(s) { return String(s).replace(/^-/, '\u2212'); }
  function fmt(v) {
    return signed(Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
  }

  // every month from first to last: a month without events is an empty slot, not left out
  function monthRange(first, last) {
    const out = [];
    let [y, m] = first.split('-').map(Number);
    const [y1, m1] = last.split('-').map(Number);
    while (y < y1 || (y === y1 && m <= m1)) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  // points: [{x: 'YYYY-MM-DD', y: number}], markers: [{x, y, label, onClick}]
  function lineChart(points, opts) {
    opts = opts || {};
    const W = 760, H = 260, L = 48, R = 14, T = 14, B = 30;
    const root = frame(W, H, opts.label);
    if (!points.length) return root;
    const t = (d) => Date.parse(d.length === 7 ? d + '-01' : d);
    const xs = points.map((p) => t(p.x));
    let x0 = Math.min(...xs), x1 = Math.max(...xs);
    if (x0 === x1) { x0 -= 86400000 * 15; x1 += 86400000 * 15; }
    const ys = points.map((p) => p.y).concat((opts.markers || []).map((m) => m.y), [0]);
    let y0 = Math.min(...ys), y1 = Math.max(...ys);
    if (y0 === y1) { y0 -= 1; y1 += 1; }
    const pad = (y1 - y0) * 0.08; y0 -= pad; y1 += pad;
    const X = (d) => L + (t(d) - x0) / (x1 - x0) * (W - L - R);
    const Y = (v) => T + (y1 - v) / (y1 - y0) * (H - T - B);
    const axis = svg('g', { class: 'axis' }, root);
    for (const v of [y0 + pad, 0, y1 - pad]) {
      svg('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v), class: v === 0 ? 'zero' : 'grid' }, axis);
      text(axis, L - 6, Y(v) + 4, fmt(v), { 'text-anchor': 'end' });
    }
    text(axis, L, H - 8, points[0].x, { 'text-anchor': 'start' });
    text(axis, W - R, H - 8, points[points.length - 1].x, { 'text-anchor': 'end' });
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
    svg('path', { d, class: 'line' }, root);
    for (const p of points) svg('circle', { cx: X(p.x), cy: Y(p.y), r: 2.5, class: 'dot' }, root);
    for (const m of opts.markers || []) {
      const c = svg('circle', { cx: X(m.x), cy: Y(m.y), r: 6, class: 'marker ' + (m.cls || ''), tabindex: 0 }, root);
      const tt = svg('title', {}, c); tt.textContent = m.label || '';
      if (m.onClick) {
        c.addEventListener('click', m.onClick);
        c.addEventListener('keydown', (e) => { if (e.key === 'Enter') m.onClick(e); });
      }
    }
    return root;
  }

  // rows: [{month: 'YYYY-MM', quad, events}] -> cooperation above the axis, conflict below
  function monthBars(rows, opts) {
    opts = opts || {};
    const seen = [...new Set(rows.map((r) => r.month))].sort();
    const W = 760, H = 220, L = 36, R = 10, T = 10, B = 28;
    const root = frame(W, H, opts.label);
    if (!seen.length) return root;
    const months = monthRange(seen[0], seen[seen.length - 1]);
    root.setAttribute('data-months', months.length);
    root.setAttribute('data-active-months', seen.length);
    const up = {}, down = {};
    for (const r of rows) {
      const coop = (r.quad || '').indexOf('cooperation') >= 0;
      const bucket = coop ? up : down;
      bucket[r.month] = (bucket[r.month] || 0) + r.events;
    }
    const max = Math.max(1, ...months.map((m) => up[m] || 0), ...months.map((m) => down[m] || 0));
    const mid = T + (H - T - B) / 2, half = (H - T - B) / 2;
    const bw = Math.max(2, (W - L - R) / months.length - 2);
    svg('line', { x1: L, x2: W - R, y1: mid, y2: mid, class: 'zero' }, root);
    text(root, L - 4, T + 10, String(max), { 'text-anchor': 'end', class: 'axis-label' });
    text(root, L - 4, H - B, signed('-' + max), { 'text-anchor': 'end', class: 'axis-label' });
    months.forEach((m, i) => {
      const x = L + i * (W - L - R) / months.length + 1;
      const hu = (up[m] || 0) / max * half, hd = (down[m] || 0) / max * half;
      if (hu) { const b = svg('rect', { x, y: mid - hu, width: bw, height: hu, class: 'bar coop' }, root);
        svg('title', {}, b).textContent = `${m}: ${up[m]}`; }
      if (hd) { const b = svg('rect', { x, y: mid, width: bw, height: hd, class: 'bar conf' }, root);
        svg('title', {}, b).textContent = `${m}: ${down[m]}`; }
    });
    for (const [i, m] of months.entries()) {  // a tick at each January between the ends
      if (i > 0 && i < months.length - 1 && m.endsWith('-01') && months.length > 6) {
        const x = L + i * (W - L - R) / months.length;
        svg('line', { x1: x, x2: x, y1: H - B, y2: H - B + 4, class: 'tick' }, root);
        text(root, x, H - 8, m.slice(0, 4), { 'text-anchor': 'middle', class: 'axis-label year' });
      }
    }
    text(root, L, H - 8, months[0], { 'text-anchor': 'start', class: 'axis-label' });
    text(root, W - R, H - 8, months[months.length - 1], { 'text-anchor': 'end', class: 'axis-label' });
    return root;
  }

  function sparkline(values, opts) {
    opts = opts || {};
    const W = 110, H = 26;
    const root = frame(W, H, opts.label);
    root.setAttribute('class', 'chart spark');
    if (values.length < 2) return root;
    const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
    const span = hi - lo || 1;
    const X = (i) => 2 + i * (W - 4) / (values.length - 1);
    const Y = (v) => 2 + (hi - v) / span * (H - 4);
    svg('line', { x1: 0, x2: W, y1: Y(0), y2: Y(0), class: 'zero' }, root);
    svg('path', { d: values.map((v, i) => `${i ? 'L' : 'M'}${X(i).toFixed(1)},${Y(v).toFixed(1)}`).join(' '),
      class: 'line' }, root);
    return root;
  }

  // nodes: [{code, label, events}], edges: [{a, b, events, tone}]
  function forceGraph(nodes, edges, opts) {
    opts = opts || {};
    const W = 900, H = 620;
    const root = frame(W, H, opts.label);
    root.classList.add('graph');
    if (!nodes.length) return root;
    const byCode = new Map(nodes.map((n, i) => {
      const a = 2 * Math.PI * i / nodes.length;
      return [n.code, Object.assign({}, n, { x: W / 2 + 220 * Math.cos(a), y: H / 2 + 220 * Math.sin(a), vx: 0, vy: 0 })];
    }));
    const N = [...byCode.values()];
    const E = edges.filter((e) => byCode.has(e.a) && byCode.has(e.b))
      .map((e) => Object.assign({}, e, { s: byCode.get(e.a), t: byCode.get(e.b) }));
    const maxEv = Math.max(1, ...N.map((n) => n.events));
    const maxEdge = Math.max(1, ...E.map((e) => e.events));
    const radius = (n) => 6 + 16 * Math.sqrt(n.events / maxEv);
    // deterministic layout: fixed start positions, fixed number of steps
    for (let step = 0; step < 320; step++) {
      const cool = 1 - step / 320;
      for (let i = 0; i < N.length; i++) {
        for (let j = i + 1; j < N.length; j++) {
          const a = N[i], b = N[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 25);
          const f = 2600 / d2;
          const d = Math.sqrt(d2); dx /= d; dy /= d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const e of E) {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = (d - 110) * 0.02 * (0.5 + e.events / maxEdge);
        e.s.vx += dx / d * f; e.s.vy += dy / d * f; e.t.vx -= dx / d * f; e.t.vy -= dy / d * f;
      }
      for (const n of N) {
        n.vx += (W / 2 - n.x) * 0.004; n.vy += (H / 2 - n.y) * 0.004;
        n.x += Math.max(-20, Math.min(20, n.vx * cool)); n.y += Math.max(-20, Math.min(20, n.vy * cool));
        n.vx *= 0.6; n.vy *= 0.6;
        n.x = Math.max(30, Math.min(W - 30, n.x)); n.y = Math.max(30, Math.min(H - 30, n.y));
      }
    }
    const gEdges = svg('g', { class: 'edges' }, root);
    const gNodes = svg('g', { class: 'nodes' }, root);
    for (const e of E) {
      e.el = svg('line', { class: 'edge ' + (e.tone > 0.5 ? 'coop' : e.tone < -0.5 ? 'conf' : 'mixed'),
        'stroke-width': (1 + 5 * e.events / maxEdge).toFixed(1) }, gEdges);
      svg('title', {}, e.el).textContent = `${e.a} – ${e.b}: ${e.events} (${e.tone})`;
      if (opts.onEdge) e.el.addEventListener('click', () => opts.onEdge(e));
    }
    for (const n of N) {
      n.el = svg('g', { class: 'node', tabindex: 0, 'data-code': n.code }, gNodes);
      svg('circle', { r: radius(n).toFixed(1) }, n.el);
      const label = text(n.el, 0, -radius(n) - 4, n.label || n.code, { 'text-anchor': 'middle' });
      label.setAttribute('direction', 'rtl' === document.dir ? 'rtl' : 'ltr');
      svg('title', {}, n.el).textContent = `${n.label || ''} (${n.code}): ${n.events}`;
    }
    function draw() {
      for (const e of E) {
        e.el.setAttribute('x1', e.s.x); e.el.setAttribute('y1', e.s.y);
        e.el.setAttribute('x2', e.t.x); e.el.setAttribute('y2', e.t.y);
      }
      for (const n of N) n.el.setAttribute('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    }
    draw();
    // dragging: pointer position in SVG units
    let drag = null, moved = false;
    const toSvg = (ev) => {
      const r = root.getBoundingClientRect();
      return { x: (ev.clientX - r.left) / r.width * W, y: (ev.clientY - r.top) / r.height * H };
    };
    for (const n of N) {
      n.el.addEventListener('pointerdown', (ev) => { drag = n; moved = false; n.el.setPointerCapture(ev.pointerId); });
      n.el.addEventListener('pointermove', (ev) => {
        if (drag !== n) return;
        const p = toSvg(ev); n.x = p.x; n.y = p.y; moved = true; draw();
      });
      n.el.addEventListener('pointerup', () => {
        if (drag === n && !moved && opts.onNode) opts.onNode(n);
        drag = null;
      });
      n.el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && opts.onNode) opts.onNode(n); });
    }
    return root;
  }

  window.Charts = { lineChart, monthBars, sparkline, forceGraph };
})();
