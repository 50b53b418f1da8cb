// Marsad dashboard: draws each page from the REST API. DOM is built node by node (never from API text as
// HTML), codes and numbers are isolated with <bdi>, Arabic evidence is marked dir="rtl" lang="ar".
'use strict';
(function () {
  const root = document.getElementById('app');
  const LANG = document.documentElement.lang === 'en' ? 'en' : 'ar';
  const T = (k) => (window.I18N[LANG] && window.I18N[LANG][k]) || window.I18N.en[k] || k;
  let NAMES = {};

  // -- DOM helpers ---------------------------------------------------------------------------------------
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }
  const bdi = (v, cls) => h('bdi', { dir: 'ltr', class: cls }, v);
  const num = (v, digits) => {
    if (v === null || v === undefined || v === '') return bdi('–');
    const n = Number(v);
    if (!isFinite(n)) return bdi(String(v));
    const s = n.toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
    return bdi(s, 'num');
  };
  const day = (d) => bdi(d || '–', 'date');
  const TODAY = new Date().toISOString().slice(0, 10);
  // an event dated after today is a coding or source error to check, never the latest news
  const eventDay = (d) => (d && d > TODAY
    ? h('span', { class: 'future-date', title: T('future_dated_hint') }, day(d), ' ', h('span', { class: 'flag' }, T('future_dated')))
    : day(d));
  const signedNum = (v, digits) => {  // "+0.42" / "−1.30": a true minus sign, isolated left-to-right
    if (v === null || v === undefined) return bdi('–');
    const n = Number(v);
    const s = (n > 0 ? '+' : n < 0 ? '\u2212' : '') + Math.abs(n).toFixed(digits === undefined ? 2 : digits);
    return bdi(s, 'num ' + (n > 0 ? 'pos' : n < 0 ? 'neg' : ''));
  };
  function nextDay(d) {
    const t = new Date(d + 'T00:00:00Z');
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  }
  function href(path, params) {
    const q = new URLSearchParams(params || {});
    if (LANG === 'en') q.set('lang', 'en');
    const s = q.toString();
    return path + (s ? '?' + s : '');
  }
  // A link from stored data only when it is an absolute http(s) URL: never javascript:, data: or a relative path.
  function webUrl(u) {
    try {
      const x = new URL(String(u || ''));
      return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null;
    } catch (e) {
      return null;
    }
  }
  function nameOf(code) {
    const n = NAMES[code];
    if (!n) return code || '';
    return (LANG === 'en' ? n.en || n.ar : n.ar || n.en) || code;
  }
  function actorLink(code, label) {
    if (!code) return h('span', { class: 'muted' }, '–');
    return h('a', { href: href('/actor/' + encodeURIComponent(code)), class: 'actor', 'data-code': code },
      h('bdi', { dir: 'auto' }, label || nameOf(code)), ' ', bdi(code, 'code'));
  }
  function pairLink(a, b, label) {
    return h('a', { href: href(`/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`), class: 'pair-link' },
      label || [h('bdi', { dir: 'auto' }, nameOf(a)), ' ⇄ ', h('bdi', { dir: 'auto' }, nameOf(b))]);
  }
  function section(title, ...kids) {
    return h('section', { class: 'card' }, h('h2', {}, title), ...kids);
  }
  function note(text, cls) { return h('p', { class: 'note ' + (cls || '') }, text); }
  function table(headers, rows, cls) {
    return h('div', { class: 'table-wrap' }, h('table', { class: cls || '' },
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
  }

  // -- API -------------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
    const url = path + (q.toString() ? '?' + q : '');
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new ApiError(r.status, (body && body.error) || r.statusText);
    return body;
  }
  async function optional(path, params) {
    try { return { data: await api(path, params) }; } catch (e) { return { error: e }; }
  }
  function problem(err) {
    if (err.status === 501) return note(T('not_available') + ' ' + err.message, 'muted');
    return note(`${T('error')} ${err.status || ''}: ${err.message}`, 'error');
  }

  // -- evidence with highlighted spans (offsets are code points into the document) ----------------------
  function highlighted(sentence, base, spans) {
    const chars = Array.from(sentence || '');
    const good = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
      .map((s) => Object.assign({}, s, { a: s.start - base, b: s.end - base }))
      .filter((s) => s.a >= 0 && s.b <= chars.length && s.a < s.b)
      .sort((x, y) => x.a - y.a || y.b - x.b);
    const out = h('p', { class: 'evidence', dir: 'rtl', lang: 'ar' });
    let at = 0;
    for (const s of good) {
      if (s.a < at) continue; // overlapping span: keep the first
      if (s.a > at) out.appendChild(document.createTextNode(chars.slice(at, s.a).join('')));
      out.appendChild(h('mark', { class: s.cls, title: s.title }, chars.slice(s.a, s.b).join('')));
      at = s.b;
    }
    if (at < chars.length) out.appendChild(document.createTextNode(chars.slice(at).join('')));
    return out;
  }
  function eventEvidence(e) {
    const t = e.text_info || {};
    return highlighted(t.sentence, t.start || 0, [
      { start: e.actor.start, end: e.actor.end, cls: 'hl-actor', title: T('actor_span') + ' ' + (e.actor.code || '') },
      { start: e.recipient.start, end: e.recipient.end, cls: 'hl-recipient',
        title: T('recipient_span') + ' ' + (e.recipient.code || '') },
      { start: t.trigger_start, end: t.trigger_end, cls: 'hl-trigger', title: T('trigger_span') + ' ' + e.event },
    ]);
  }
  function eventType(e) {
    return h('span', { class: 'etype q-' + (e.quad || 'none') }, bdi(e.event), e.mode ? [' ', bdi(e.mode, 'mode')] : null,
      e.negated ? h('span', { class: 'neg' }, ' · ' + T('neg_mark')) : null,
      e.modality && e.modality !== 'asserted' ? h('span', { class: 'modality' }, ' · ' + T(e.modality)) : null);
  }
  function eventRows(items, withEvidence) {
    return items.map((e) => [
      eventDay(e.date), eventType(e), actorLink(e.actor.code), actorLink(e.recipient.code),
      withEvidence ? eventEvidence(e) : h('span', { dir: 'auto' }, e.event_text || ''),
      h('a', { href: href('/document/' + e.cite_info.doc_id), title: T('open_document') },
        h('bdi', { dir: 'auto' }, e.cite_info.source || '↗')),
    ]);
  }
  function eventTable(items, withEvidence) {
    if (!items.length) return note(T('no_data'), 'muted');
    return table([T('date'), T('type'), T('actor'), T('recipient'), T('evidence'), T('source')],
      eventRows(items, withEvidence), 'events');
  }

  // -- analysis results whose exact shape belongs to marsad.analysis: shown generically ------------------
  const CODE_KEY = /(^|_)(code|actor|partner|ally|other|a|b|member|country)s?$/i;
  function cell(key, v) {
    if (v === null || v === undefined) return h('span', { class: 'muted' }, '–');
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return T(v ? 'yes' : 'no');
    if (typeof v === 'string') {
      if (CODE_KEY.test(key) && /^[A-Z][A-Z0-9_]{1,11}$/.test(v)) return actorLink(v);
      if (/^\d{4}-\d{2}(-\d{2})?/.test(v)) return day(v);
      return h('bdi', { dir: 'auto' }, v);
    }
    if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'number')) return Charts.sparkline(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && /^[A-Z][A-Z0-9_]{1,11}$/.test(x))) {
      return h('span', { class: 'chips' }, v.map((c) => actorLink(c)));
    }
    if (Array.isArray(v) && v.length && v.every((x) => x && typeof x === 'object')) {
      const ys = v.map((x) => Object.values(x).find((y) => typeof y === 'number')).filter((y) => y !== undefined);
      if (ys.length > 1) return Charts.sparkline(ys);
    }
    return h('code', { class: 'json', dir: 'ltr' }, JSON.stringify(v).slice(0, 120));
  }
  function listOf(data) {
    if (Array.isArray(data)) return data;
    if (data && typeof data === 'object') {
      for (const k of ['items', 'allies', 'pairs', 'drifts', 'blocs', 'sources', 'results', 'series']) {
        if (Array.isArray(data[k])) return data[k];
      }
      const arr = Object.values(data).find((v) => Array.isArray(v));
      if (arr) return arr;
    }
    return null;
  }
  function generic(data, max) {
    const list = listOf(data);
    if (!list) return h('pre', { class: 'json', dir: 'ltr' }, JSON.stringify(data, null, 1).slice(0, 3000));
    if (!list.length) return note(T('no_data'), 'muted');
    if (typeof list[0] !== 'object' || list[0] === null) {
      return h('p', { class: 'chips' }, list.slice(0, max || 50).map((x) => cell('code', x)));
    }
    const keys = [];
    for (const row of list.slice(0, 20)) for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k);
    const shown = keys.slice(0, 8);
    return table(shown.map((k) => bdi(k, 'key')), list.slice(0, max || 50).map((r) => shown.map((k) => cell(k, r[k]))));
  }

  // Who must help an attacked actor: one readable row per partner, its obligations as "type art. (treaty)".
  function whatifView(w) {
    const obligations = (d) => (d.obligations || []).map((o) =>
      h('div', {}, bdi(`${o.type}${o.article ? ' ' + o.article : ''}`, 'code'), ' ', h('bdi', { dir: 'auto' }, o.tie || ''),
        o.via ? [' ', T('via'), ' ', bdi(String(o.via), 'code')] : []));
    const rows = (list) => (list || []).map((d) => [actorLink(d.code), bdi(d.duty || (d.path || []).join(' → '), 'code'),
      h('div', {}, obligations(d)), d.score === null || d.score === undefined ? '–' : num(d.score, 2)]);
    const head = [T('actor'), T('duty'), T('obligations'), T('score')];
    const block = (key, list) => (list && list.length ? [h('h3', {}, T(key)), table(head, rows(list))] : []);
    const out = [...block('obliged_assist', w.obliged_to_assist), ...block('obliged_consult', w.obliged_to_consult),
      ...block('chain_help', w.chain), ...block('aligned_only', w.aligned_not_obliged)];
    return out.length ? h('div', {}, out) : note(T('no_data'), 'muted');
  }

  // -- pages -----------------------------------------------------------------------------------------------
  async function overview() {
    const [stats, latest, ahead, actors, drift] = await Promise.all([
      api('/api/stats'), api('/api/events', { order: 'desc', limit: 12, until: TODAY }),
      api('/api/events', { order: 'asc', limit: 5, since: nextDay(TODAY) }), api('/api/actors', { limit: 16 }),
      optional('/api/drift')]);
    const cards = h('div', { class: 'stats' },
      [['documents', stats.documents], ['sentences', stats.sentences], ['mentions', stats.mentions],
        ['events', stats.events], ['outlets', stats.by_source.length]].map(([k, v]) =>
        h('div', { class: 'stat', 'data-stat': k }, h('span', { class: 'value' }, num(v, 0)), h('span', { class: 'label' }, T(k)))));
    return [
      cards,
      section(T('latest_events'), eventTable(latest.items, false),
        ahead.items.length ? h('div', { class: 'future-events' }, h('h3', {}, T('future_dated_title')),
          note(T('future_dated_hint'), 'muted'), eventTable(ahead.items, false)) : null),
      section(T('biggest_drifts'), drift.error ? problem(drift.error) : generic(drift.data, 12)),
      section(T('top_actors'), h('p', { class: 'chips big' }, actors.items.filter((a) => a.mentions).map((a) =>
        h('span', { class: 'chip' }, actorLink(a.code, LANG === 'en' ? a.name_en : a.name_ar), ' ', num(a.mentions, 0))))),
    ];
  }

  function tiesView(ties) {
    const orgs = ties.organisations.map((o) => [actorLink(o.code, LANG === 'en' ? o.name_en : o.name_ar),
      day(o.joined), h('span', { class: 'chips' }, o.obligations.map((x) => h('span', { class: 'chip small' }, x)))]);
    const treaties = ties.treaties.map((t) => [h('bdi', { dir: 'auto' }, LANG === 'en' ? t.name_en : t.name_ar),
      day(t.signed), h('span', { class: 'chips' }, (t.parties || []).map((c) => actorLink(c)))]);
    return [
      h('h3', {}, T('organisations'), ' ', num(orgs.length, 0)),
      orgs.length ? table([T('organisations'), T('joined'), T('obligations')], orgs) : note(T('no_data'), 'muted'),
      h('h3', {}, T('treaties'), ' ', num(treaties.length, 0)),
      treaties.length ? table([T('treaties'), T('signed'), T('members')], treaties.slice(-6).reverse()) : note(T('no_data'), 'muted'),
      treaties.length > 6 ? h('details', {}, h('summary', {}, T('show_all'), ' ', num(treaties.length, 0)),
        table([T('treaties'), T('signed'), T('members')], treaties.slice(0, -6).reverse())) : null,
    ];
  }

  async function partnerRows(code, partners) {
    const rows = await Promise.all(partners.slice(0, 12).map(async (p) => {
      const tl = await api(`/api/dyads/${code}/${p.partner}/timeline`);
      const byMonth = {};
      for (const r of tl) byMonth[r.month] = (byMonth[r.month] || 0) + r.intensity;
      const months = Object.keys(byMonth).sort();
      let run = 0;
      const series = months.map((m) => (run += byMonth[m]));
      return [actorLink(p.partner), num(p.events, 0), num(p.cooperation, 0), num(p.conflict, 0),
        h('span', { class: 'tone ' + (p.intensity > 0 ? 'pos' : p.intensity < 0 ? 'neg' : '') }, num(p.intensity)),
        Charts.sparkline(series), pairLink(code, p.partner, '⇄')];
    }));
    return table([T('actor'), T('events'), T('cooperation'), T('conflict'), T('tone'), T('trend'), T('pair')], rows,
      'partners');
  }

  function trendMark(v) {
    if (typeof v !== 'number') return null;
    return h('span', { class: 'tone ' + (v > 0.01 ? 'pos' : v < -0.01 ? 'neg' : '') }, v > 0.01 ? '▲ ' : v < -0.01 ? '▼ ' : '■ ', num(v, 3));
  }
  function alliesView(data) {
    const list = listOf(data);
    if (!list || !list.length || typeof list[0] !== 'object' || !('score' in list[0])) return generic(data, 20);
    return table([T('actor'), T('score'), T('formal_ties'), T('behaviour'), T('trend'), T('confidence')],
      list.slice(0, 20).map((r) => [actorLink(r.code), num(r.score, 3),
        h('span', { class: 'chips' }, (r.formal_ties || []).slice(0, 3).map((t) => h('span', { class: 'chip small', title: t.en || '' },
          h('bdi', { dir: 'auto' }, t.id)))),
        num(r.behaviour, 3), trendMark(r.trend_6m !== undefined ? r.trend_6m : r.trend_12m), num(r.confidence, 2)]), 'allies');
  }

  async function actorPage(code) {
    const info = await api('/api/actors/' + encodeURIComponent(code));
    const [allies, timeline, latest, whatif] = await Promise.all([
      optional(`/api/actors/${code}/allies`), api(`/api/actors/${code}/timeline`),
      api('/api/events', { party: code, order: 'desc', limit: 15 }), optional(`/api/actors/${code}/whatif`)]);
    const title = LANG === 'en' ? info.name_en || info.name_ar : info.name_ar || info.name_en;
    document.title = `${title || code} — ${document.title}`;
    return [
      h('div', { class: 'page-head' },
        h('h1', {}, h('bdi', { dir: 'auto' }, title || code), ' ', bdi(code, 'code')),
        h('p', { class: 'sub' }, h('bdi', { dir: 'auto' }, LANG === 'en' ? info.name_ar : info.name_en), ' · ',
          T(info.kind), ' · ', num(info.mentions, 0), ' ', T('mentions'), ' · ', num(info.events, 0), ' ', T('events'))),
      h('div', { class: 'grid2' },
        section(T('allies'), allies.error ? problem(allies.error) : alliesView(allies.data)),
        section(T('formal_ties'), ...tiesView(info.ties))),
      section(T('partners'), info.partners.length ? await partnerRows(code, info.partners) : note(T('no_data'), 'muted')),
      section(T('timeline'), timeline.length ? Charts.monthBars(timeline, { label: T('timeline') }) : note(T('no_data'), 'muted'),
        h('p', { class: 'legend' }, h('span', { class: 'sw coop' }), T('cooperation'), ' ', h('span', { class: 'sw conf' }), T('conflict'))),
      section(T('latest_events'), eventTable(latest.items, true)),
      section(T('whatif'), whatif.error ? problem(whatif.error) : whatifView(whatif.data)),
    ];
  }

  async function pairPage(a, b) {
    const [events, dyad] = await Promise.all([
      api(`/api/dyads/${a}/${b}/events`, { limit: 1000 }), optional(`/api/dyads/${a}/${b}`)]);
    document.title = `${nameOf(a)} ⇄ ${nameOf(b)} — ${document.title}`;
    const items = events.items;
    const list = h('div', { class: 'evidence-list' });
    items.forEach((e, i) => list.appendChild(h('article', { class: 'ev', id: 'ev-' + i },
      h('div', { class: 'ev-head' }, day(e.date), ' ', eventType(e), ' ', actorLink(e.actor.code), ' → ',
        actorLink(e.recipient.code), ' ', num(e.intensity)),
      eventEvidence(e),
      h('p', { class: 'cite' }, h('a', { href: href('/document/' + e.cite_info.doc_id) },
        h('bdi', { dir: 'auto' }, e.cite_info.title || e.cite_info.doc_id)), ' · ', h('bdi', { dir: 'auto' }, e.cite_info.source || '')))));
    // moved-by markers: the strongest events (by absolute intensity)
    const dated = items.map((e, i) => Object.assign({ i }, e)).filter((e) => e.date);
    let chart, caption;
    const series = dyad.data && (Array.isArray(dyad.data.timeline) ? dyad.data.timeline : listOf(dyad.data));
    if (series && series.length && typeof series[0] === 'object') {
      const keys = Object.keys(series[0]);
      const xKey = keys.includes('date') ? 'date' : keys.find((k) => /date|month|period|as_of|when/.test(k));
      const yKey = keys.includes('score') ? 'score' : keys.find((k) => k !== xKey && typeof series[0][k] === 'number');
      const pts = series.filter((p) => p[xKey] && typeof p[yKey] === 'number').map((p) => ({ x: String(p[xKey]).slice(0, 10), y: p[yKey] }));
      const at = (d) => { let y = 0; for (const p of pts) if (p.x <= d) y = p.y; return y; };
      chart = Charts.lineChart(pts, { label: T('alignment'), markers: strongest(dated.filter((e) => e.date >= pts[0].x)).map((e) => ({
        x: e.date, y: at(e.date), cls: e.intensity >= 0 ? 'pos' : 'neg', label: `${e.date} ${e.event}`,
        onClick: () => jump(e.i) })) });
      caption = T('alignment');
    } else {
      const sorted = dated.slice().sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      let run = 0;
      const pts = [], pos = {};
      for (const e of sorted) { run += e.intensity || 0; pts.push({ x: e.date, y: run }); pos[e.i] = run; }
      chart = Charts.lineChart(pts, { label: T('alignment'), markers: strongest(dated).map((e) => ({
        x: e.date, y: pos[e.i], cls: e.intensity >= 0 ? 'pos' : 'neg', label: `${e.date} ${e.event}`,
        onClick: () => jump(e.i) })) });
      caption = T('alignment_fallback');
    }
    return [
      h('div', { class: 'page-head' }, h('h1', {}, actorLink(a), ' ⇄ ', actorLink(b)),
        h('p', { class: 'sub' }, num(events.total, 0), ' ', T('events'), ' · ',
          h('a', { href: href(`/pair/${b}/${a}`) }, '⇆'))),
      section(T('alignment'), chart, h('p', { class: 'legend' }, caption, dyad.error && dyad.error.status !== 501 ? problem(dyad.error) : null),
        h('p', { class: 'legend' }, h('mark', { class: 'hl-actor' }, T('actor_span')), ' ',
          h('mark', { class: 'hl-recipient' }, T('recipient_span')), ' ', h('mark', { class: 'hl-trigger' }, T('trigger_span')))),
      section(T('events_between'), items.length ? list : note(T('no_data'), 'muted')),
    ];
  }
  function strongest(events) {
    return events.slice().sort((x, y) => Math.abs(y.intensity || 0) - Math.abs(x.intensity || 0)).slice(0, 8);
  }
  function jump(i) {
    const el = document.getElementById('ev-' + i);
    if (el) { el.scrollIntoView({ behavior: 'smooth', block: 'center' }); el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 1600); }
  }

  async function networkPage() {
    const params = new URLSearchParams(location.search);
    const form = h('form', { class: 'filters', id: 'network-filters' },
      h('label', {}, T('since'), h('input', { type: 'date', name: 'since', value: params.get('since') || '' })),
      h('label', {}, T('until'), h('input', { type: 'date', name: 'until', value: params.get('until') || '' })),
      h('label', {}, T('min_events'), h('input', { type: 'number', name: 'min_events', min: 1, value: params.get('min_events') || 1 })),
      h('button', { type: 'submit' }, T('apply')));
    const holder = h('div', { class: 'graph-holder' });
    const info = h('p', { class: 'sub' });
    async function load() {
      const data = new FormData(form);
      const q = { since: data.get('since'), until: data.get('until'), min_events: data.get('min_events') || 1 };
      const net = await api('/api/network', q);
      holder.replaceChildren(Charts.forceGraph(
        net.nodes.map((n) => ({ code: n.code, label: nameOf(n.code), events: n.events })), net.edges, {
          label: T('network'), onNode: (n) => { location.href = href('/actor/' + n.code); },
          onEdge: (e) => { location.href = href(`/pair/${e.a}/${e.b}`); } }));
      info.replaceChildren(num(net.nodes.length, 0), ' ', T('nodes'), ' · ', num(net.edges.length, 0), ' ', T('edges'));
      const keep = new URLSearchParams(Object.entries(q).filter(([, v]) => v && v !== '1'));
      if (LANG === 'en') keep.set('lang', 'en');
      history.replaceState(null, '', location.pathname + (keep.toString() ? '?' + keep : ''));
    }
    form.addEventListener('submit', (ev) => { ev.preventDefault(); load().catch(showError); });
    await load();
    return [h('h1', {}, T('network_title')), form, info, holder, note(T('network_hint'), 'muted'),
      h('p', { class: 'legend' }, h('span', { class: 'sw coop' }), T('cooperation'), ' ', h('span', { class: 'sw conf' }), T('conflict'))];
  }

  const FILTERS = ['actor', 'recipient', 'event', 'mode', 'quad', 'since', 'until', 'source', 'negated', 'modality', 'q'];
  async function eventsPage() {
    const params = new URLSearchParams(location.search);
    const [types, stats] = await Promise.all([api('/api/event-types'), api('/api/stats')]);
    const opt = (v, label, cur) => h('option', { value: v, selected: v === (cur || '') }, label);
    const sel = (name, options) => h('select', { name }, opt('', T('any'), params.get(name)),
      options.map(([v, l]) => opt(v, l, params.get(name))));
    const input = (name, attrs) => h('input', Object.assign({ name, value: params.get(name) || '', dir: 'auto' }, attrs || {}));
    const form = h('form', { class: 'filters', id: 'event-filters' },
      h('label', {}, T('actor'), input('actor', { placeholder: 'RUS', size: 6 })),
      h('label', {}, T('recipient'), input('recipient', { placeholder: 'PRK', size: 6 })),
      h('label', {}, T('type'), sel('event', types.map((t) => [t.event, t.event]))),
      h('label', {}, T('mode'), input('mode', { size: 8 })),
      h('label', {}, T('quad'), sel('quad', ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'].map((q) => [q, T(q)]))),
      h('label', {}, T('since'), input('since', { type: 'date' })),
      h('label', {}, T('until'), input('until', { type: 'date' })),
      h('label', {}, T('source'), sel('source', stats.by_source.map((s) => [s.source, s.source]))),
      h('label', {}, T('negated'), sel('negated', [['true', T('yes')], ['false', T('no')]])),
      h('label', {}, T('modality'), sel('modality', ['asserted', 'future', 'hypothetical', 'historical'].map((m) => [m, T(m)]))),
      h('label', { class: 'wide' }, T('text'), input('q', { type: 'search' })),
      h('button', { type: 'submit' }, T('apply')),
      h('a', { href: href('/events'), class: 'button secondary' }, T('reset')));
    const out = h('div', { class: 'results' });
    const pager = h('nav', { class: 'pager' });
    const csv = h('a', { class: 'button', id: 'export-csv', download: 'marsad-events.csv' }, T('export_csv'));
    let offset = Number(params.get('offset') || 0);
    const limit = 50;
    function current() {
      const data = new FormData(form), q = {};
      for (const k of FILTERS) { const v = (data.get(k) || '').trim(); if (v) q[k] = v; }
      return q;
    }
    async function load() {
      const q = current();
      const res = await api('/api/events', Object.assign({ limit, offset }, q));
      out.replaceChildren(h('p', { class: 'sub', id: 'result-count' }, num(res.total, 0), ' ', T('results')), eventTable(res.items, true));
      csv.setAttribute('href', '/api/events.csv?' + new URLSearchParams(q));
      pager.replaceChildren(
        h('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - limit); load().catch(showError); } }, T('prev')),
        h('span', {}, T('page'), ' ', num(Math.floor(offset / limit) + 1, 0), ' / ', num(Math.max(1, Math.ceil(res.total / limit)), 0)),
        h('button', { type: 'button', disabled: res.next_offset === null, onclick: () => { offset = res.next_offset; load().catch(showError); } }, T('next')));
      const keep = new URLSearchParams(q);
      if (offset) keep.set('offset', offset);
      if (LANG === 'en') keep.set('lang', 'en');
      history.replaceState(null, '', location.pathname + (keep.toString() ? '?' + keep : ''));
    }
    form.addEventListener('submit', (ev) => { ev.preventDefault(); offset = 0; load().catch(showError); });
    await load();
    return [h('h1', {}, T('events_title')), form, h('div', { class: 'toolbar' }, csv), out, pager];
  }

  // Stance by outlet and actor, measured from the events each outlet reports (marsad.analysis.framing)
  function stanceView(outlets) {
    const withStances = (outlets || []).filter((o) => (o.stances || []).length);
    if (!withStances.length) return note(T('no_data'), 'muted');
    const head = [T('actor'), T('events'), T('tone_doer'), T('vs_outlets'), T('tone_target'), T('own_voice'),
      T('same_happening'), T('framing_terms'), T('evidence')];
    return withStances.map((o) => h('div', { class: 'outlet-stance', 'data-source': o.source },
      h('h3', {}, h('bdi', { dir: 'auto' }, o.source)),
      table(head, o.stances.map((s) => [actorLink(s.code), num(s.events, 0), signedNum(s.tone_as_actor),
        signedNum(s.relative_tone), signedNum(s.tone_as_target), num(Math.round(100 * s.own_voice), 0),
        s.shared_n ? [signedNum(s.shared), ' ', h('span', { class: 'muted' }, '(n=', num(s.shared_n, 0), ')')] : bdi('–'),
        h('span', { class: 'chips' }, Object.entries(s.framing_terms || {}).map(([k, v]) => h('span', { class: 'chip small' }, bdi(`${k} ${v}`)))),
        h('div', { class: 'stance-evidence' }, (s.evidence || []).slice(0, 1).flatMap((e) => [
          h('a', { href: href('/document/' + e.doc_id), title: T('open_document') },
            bdi(e.event_type, 'code'), ' ', signedNum(e.intensity, 1)),
          h('p', { class: 'evidence', dir: 'rtl', lang: 'ar' }, e.sentence || '')]))]), 'stances')));
  }

  async function sourcesPage() {
    const [stats, sources] = await Promise.all([api('/api/stats'), optional('/api/sources')]);
    return [
      h('h1', {}, T('sources_title')),
      section(T('outlet_table'), table([T('source'), T('documents'), T('sentences')], stats.by_source.map((s) =>
        [h('a', { href: href('/events', { source: s.source }) }, h('bdi', { dir: 'auto' }, s.source)), num(s.documents, 0), num(s.sentences, 0)]))),
      section(T('framing'), h('p', { class: 'method' }, T('framing_method')),
        sources.error ? problem(sources.error) : stanceView(listOf(sources.data))),
    ];
  }

  async function documentPage(id) {
    const d = await api('/api/documents/' + encodeURIComponent(id));
    const bySentence = {};
    for (const m of d.mentions) (bySentence[m.sentence_idx] = bySentence[m.sentence_idx] || []).push(m);
    const body = h('div', { class: 'doc-text', dir: 'rtl', lang: 'ar' }, d.sentences.map((s) => {
      const p = highlighted(s.text, s.start, (bySentence[s.idx] || []).map((m) => ({ start: m.start, end: m.end,
        cls: 'hl-mention', title: `${m.code} ${m.agent || ''} (${m.kind})` })));
      p.classList.add('s-' + s.kind);
      return p;
    }));
    return [
      h('div', { class: 'page-head' }, h('h1', { dir: 'auto' }, d.title || d.id),
        h('p', { class: 'sub' }, day(d.published), ' · ', h('bdi', { dir: 'auto' }, d.source || ''), ' · ', bdi(d.id, 'code'),
          webUrl(d.url) ? [' · ', h('a', { href: webUrl(d.url), rel: 'noopener noreferrer', dir: 'ltr' }, '↗')] : null)),
      section(T('events'), eventTable(d.events, true)),
      section(T('sentences'), body),
    ];
  }

  async function apiPage() {
    const spec = await api('/openapi.json');
    const rows = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) rows.push([bdi(method.toUpperCase(), 'code'), h('code', { dir: 'ltr' }, path), h('span', { dir: 'ltr' }, op.summary || '')]);
    }
    return [h('h1', {}, T('api_title')),
      h('p', {}, T('api_intro'), ' ', h('a', { href: '/openapi.json', dir: 'ltr' }, '/openapi.json'), '. ', T('auth_note')),
      table([T('method'), T('path'), T('summary')], rows)];
  }

  // -- actor finder in the header --------------------------------------------------------------------------
  function finder() {
    const form = document.getElementById('find');
    const input = document.getElementById('find-input');
    const list = document.getElementById('find-suggest');
    if (!form) return;
    let items = [], timer = null;
    async function suggest() {
      const q = input.value.trim();
      if (!q) { list.hidden = true; return; }
      const res = await api('/api/actors', { q, limit: 8 });
      items = res.items;
      list.replaceChildren(...items.map((a) => h('li', {}, actorLink(a.code, LANG === 'en' ? a.name_en : a.name_ar))));
      list.hidden = !items.length;
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => suggest().catch(() => {}), 150); });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!items.length) await suggest().catch(() => {});
      if (items.length) location.href = href('/actor/' + items[0].code);
    });
  }

  function showError(err) {
    root.replaceChildren(problem(err.status ? err : { status: '', message: String(err.message || err) }));
  }

  async function main() {
    finder();
    try { NAMES = await api('/api/actors/names'); } catch (e) { NAMES = {}; }
    const page = root.dataset.page;
    const args = JSON.parse(root.dataset.args || '[]');
    const pages = { overview, actor: actorPage, pair: pairPage, network: networkPage, events: eventsPage,
      sources: sourcesPage, document: documentPage, api: apiPage };
    try {
      const content = await (pages[page] || overview)(...args);
      root.replaceChildren(...[].concat(content));
      root.dataset.ready = '1';
    } catch (err) {
      showError(err);
      root.dataset.ready = 'error';
    }
  }
  main();
})();
