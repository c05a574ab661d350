/*
 * The living documentation's script, inlined into the page (no request leaves the file). Plain
 * JavaScript so the same functions draw in the browser and in the unit tests (`require` this file).
 * It routes the hash (#capability/feature/scenario?q=…), filters by words and tag expressions,
 * and draws a scenario's evidence (exchanges, sequence diagram, live messages, gateway log) when
 * the reader opens it, from the compact data the page carries.
 */
(function (root) {
  'use strict';
  var SERVICES = ['plex.tv', 'Plex', 'Overseerr', 'Uptime Kuma', 'yt-dlp'];
  var GATEWAY = 'gateway';
  var ROW = 24, TIME_COLUMN = 104, TOP = 40, MAX_ROWS = 150, DIAGRAM_WIDTH = 1100;
  var MASK = '••••••';

  function esc(value) {
    return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  function clockLabel(ms) {
    if (ms >= 3600000) return '+' + Math.floor(ms / 3600000) + ' h ' + Math.round((ms % 3600000) / 60000) + ' min';
    if (ms >= 60000) return '+' + Math.floor(ms / 60000) + ' min ' + ((ms % 60000) / 1000).toFixed(1) + ' s';
    return '+' + (ms / 1000).toFixed(3) + ' s';
  }

  function duration(ms) {
    if (ms >= 3600000) return +(ms / 3600000).toFixed(2) + ' h';
    if (ms >= 60000) return +(ms / 60000).toFixed(2) + ' min';
    if (ms >= 1000) return +(ms / 1000).toFixed(2) + ' s';
    return Math.round(ms) + ' ms';
  }

  function byTime(a, b) { return a.at - b.at || a.t - b.t; }

  function fit(text, pixels) {
    var chars = Math.max(6, Math.floor(pixels / 6.4));
    return text.length > chars ? text.slice(0, chars - 1) + '…' : text;
  }

  /** One row per event in time order: arrows between lanes, and bands where the clock was moved. */
  function rowsOf(evidence) {
    var rows = [];
    var moves = (evidence.moves || []).slice().sort(byTime);
    function clockAfter(at, t, later) {
      return at + moves.filter(function (m) { return m.t >= t && m.t <= later; }).reduce(function (sum, m) { return sum + m.ms; }, 0);
    }
    evidence.exchanges.forEach(function (x) {
      rows.push({ kind: 'arrow', at: x.at, t: x.t, from: x.actor, to: GATEWAY, label: x.method + ' ' + x.path });
      var answered = x.t + x.ms;
      rows.push({ kind: 'arrow', at: clockAfter(x.at, x.t, answered), t: answered, from: GATEWAY, to: x.actor, label: x.status ? String(x.status) : 'no answer', dashed: true, tone: !x.status || x.status >= 400 ? 'error' : 'answer' });
    });
    evidence.upstream.forEach(function (call) {
      rows.push({ kind: 'arrow', at: call.at, t: call.t, from: GATEWAY, to: call.service, label: (call.method + ' ' + call.path).trim(), tone: 'upstream' });
    });
    evidence.live.forEach(function (m) {
      rows.push({ kind: 'arrow', at: m.at, t: m.t, from: GATEWAY, to: m.actor, label: (m.channel === 'SSE' ? 'SSE ' : 'WS ') + m.type, dashed: true, tone: 'live' });
    });
    var events = rows.slice();
    var previous = null;
    // Steps move the clock in pieces (9 999 ms, then 1 ms): pieces with nothing between them are one move.
    moves.forEach(function (move) {
      var between = previous && events.some(function (row) { return row.t > previous.t && row.t < move.t; });
      if (previous && !between) previous.ms += move.ms;
      else { previous = { kind: 'move', at: move.at, t: move.t, ms: move.ms }; rows.push(previous); }
    });
    return rows.sort(byTime);
  }

  /**
   * What crossed between the people, the gateway and the upstreams as an SVG sequence diagram on
   * the scenario clock: the clock's reading on the left, a band where time was moved.
   */
  function sequenceDiagram(evidence) {
    var rows = rowsOf(evidence);
    if (!rows.length) return '';
    var lanesSeen = [];
    rows.forEach(function (row) { if (row.kind === 'arrow') [row.from, row.to].forEach(function (lane) { if (lanesSeen.indexOf(lane) < 0) lanesSeen.push(lane); }); });
    var people = lanesSeen.filter(function (lane) { return lane !== GATEWAY && SERVICES.indexOf(lane) < 0; });
    var services = SERVICES.filter(function (s) { return lanesSeen.indexOf(s) >= 0; });
    var lanes = people.concat([GATEWAY], services);
    // Few lanes get room for whole labels; many lanes keep at least 150 px and the drawing scales down.
    var LANE = Math.max(150, Math.min(320, Math.floor((DIAGRAM_WIDTH - TIME_COLUMN) / lanes.length)));
    function x(lane) { return TIME_COLUMN + LANE / 2 + lanes.indexOf(lane) * LANE; }
    var shown = rows.slice(0, MAX_ROWS);
    var width = TIME_COLUMN + lanes.length * LANE;
    var height = TOP + shown.length * ROW + (rows.length > MAX_ROWS ? ROW : 0) + 10;
    var parts = [];
    var lastClock = -1;
    shown.forEach(function (row, index) {
      var y = TOP + index * ROW + ROW / 2;
      if (row.kind === 'move') {
        parts.push('<rect class="sd-move" x="' + TIME_COLUMN + '" y="' + (y - ROW / 2 + 2) + '" width="' + (width - TIME_COLUMN) + '" height="' + (ROW - 4) + '" rx="4"/>' +
          '<text class="sd-move-label" x="' + (TIME_COLUMN + (width - TIME_COLUMN) / 2) + '" y="' + (y + 4) + '" text-anchor="middle">' + esc(duration(row.ms)) + ' pass on the scenario clock</text>');
        return;
      }
      if (row.at !== lastClock) parts.push('<text class="sd-time" x="6" y="' + (y + 4) + '">' + esc(clockLabel(row.at)) + '</text>');
      lastClock = row.at;
      var x1 = x(row.from), x2 = x(row.to);
      var direction = x2 > x1 ? 1 : -1;
      var label = fit(row.label, Math.max(Math.abs(x2 - x1), LANE) - 12);
      parts.push('<g class="sd-arrow' + (row.tone ? ' sd-' + row.tone : '') + '"><title>' + esc(clockLabel(row.at) + '  ' + row.from + ' → ' + row.to + ': ' + row.label) + '</title>' +
        '<line x1="' + x1 + '" y1="' + (y + 6) + '" x2="' + (x2 - direction * 6) + '" y2="' + (y + 6) + '"' + (row.dashed ? ' stroke-dasharray="5 3"' : '') + '/>' +
        '<path d="M' + x2 + ' ' + (y + 6) + ' l' + (-direction * 7) + ' -4 v8 z"/>' +
        '<text x="' + (x1 + x2) / 2 + '" y="' + (y + 1) + '" text-anchor="middle">' + esc(label) + '</text></g>');
    });
    if (rows.length > MAX_ROWS) parts.push('<text class="sd-time" x="' + TIME_COLUMN + '" y="' + (TOP + shown.length * ROW + 16) + '">… and ' + (rows.length - MAX_ROWS) + ' more events (see the tables below)</text>');
    var heads = lanes.map(function (lane) {
      var kind = lane === GATEWAY ? ' sd-gateway' : SERVICES.indexOf(lane) >= 0 ? ' sd-service' : '';
      return '<line class="sd-lane" x1="' + x(lane) + '" y1="' + (TOP - 8) + '" x2="' + x(lane) + '" y2="' + (height - 4) + '"/>' +
        '<rect class="sd-head' + kind + '" x="' + (x(lane) - LANE / 2 + 8) + '" y="4" width="' + (LANE - 16) + '" height="24" rx="6"/>' +
        '<text class="sd-head-label" x="' + x(lane) + '" y="20" text-anchor="middle">' + esc(fit(lane, LANE - 24)) + '</text>';
    });
    return '<svg class="sequence" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + width + ' ' + height + '" style="max-width:' + width + 'px" role="img" aria-label="Sequence diagram on the scenario clock">' +
      '<text class="sd-time" x="6" y="20">scenario clock</text>' + heads.join('') + parts.join('') + '</svg>';
  }

  /** A body as the reader wants it: JSON pretty-printed, and how much was cut off. */
  function pretty(body) {
    if (!body) return '';
    var text = body.text;
    try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON, or clipped JSON: shown as it is */ }
    return '<pre>' + esc(text) + '</pre>' + (body.clipped ? '<p class="note">Clipped: the body was ' + body.size.toLocaleString('en') + ' characters; the first ' + body.text.length.toLocaleString('en') + ' are shown.</p>' : '');
  }

  function headerList(headers) {
    var names = Object.keys(headers || {});
    if (!names.length) return '<p class="note">none</p>';
    return '<dl class="headers">' + names.map(function (name) { return '<dt>' + esc(name) + '</dt><dd>' + esc(headers[name]) + '</dd>'; }).join('') + '</dl>';
  }

  /** The exchange as a curl command line, credentials masked as everywhere in the page. */
  function curlOf(exchange, origin) {
    function quote(text) { return "'" + String(text).replace(/'/g, "'\\''") + "'"; }
    var parts = ['curl', '-i', '-X', exchange.method, quote((origin || 'http://localhost:3000') + exchange.path)];
    var headers = exchange.request.headers || {};
    Object.keys(headers).forEach(function (name) { parts.push('-H', quote(name + ': ' + headers[name])); });
    if (exchange.request.body) parts.push('--data-raw', quote(exchange.request.body.text));
    return parts.join(' ');
  }

  function statusClass(status) { return !status || status >= 500 ? 's5' : status >= 400 ? 's4' : 's2'; }

  function exchangesTable(exchanges) {
    if (!exchanges.length) return '';
    return '<h4>Calls to the gateway</h4><div class="exchanges">' + exchanges.map(function (x, index) {
      return '<details class="exchange"><summary><span class="at">' + esc(clockLabel(x.at)) + '</span><span class="who">' + esc(x.actor) + '</span>' +
        '<span class="method">' + esc(x.method) + '</span><span class="path">' + esc(x.path) + '</span>' +
        '<span class="status ' + statusClass(x.status) + '">' + esc(x.status || '—') + '</span><span class="ms">' + esc(x.ms) + ' ms</span></summary>' +
        '<div class="exchange-body"><div class="two"><div><h5>Request</h5>' + headerList(x.request.headers) + pretty(x.request.body) + '</div>' +
        '<div><h5>Answer ' + esc(x.status) + '</h5>' + headerList(x.response.headers) + pretty(x.response.body) + '</div></div>' +
        '<p><button type="button" class="copy-curl" data-exchange="' + index + '">Copy as curl</button></p>' +
        '<pre class="curl">' + esc(curlOf(x)) + '</pre></div></details>';
    }).join('') + '</div>';
  }

  function upstreamTable(calls) {
    if (!calls.length) return '';
    return '<h4>What the gateway asked the upstreams</h4><table class="grid"><colgroup><col style="width:120px"><col style="width:120px"><col></colgroup><thead><tr><th>Clock</th><th>Service</th><th>Call</th></tr></thead><tbody>' +
      calls.map(function (c) { return '<tr><td class="at">' + esc(clockLabel(c.at)) + '</td><td>' + esc(c.service) + '</td><td class="path">' + esc(c.method + ' ' + c.path) + '</td></tr>'; }).join('') + '</tbody></table>';
  }

  function liveTable(live) {
    if (!live.length) return '';
    return '<h4>Live messages received</h4><table class="grid"><colgroup><col style="width:120px"><col style="width:110px"><col style="width:100px"><col style="width:160px"><col></colgroup><thead><tr><th>Clock</th><th>Who</th><th>Channel</th><th>Message</th><th>Data</th></tr></thead><tbody>' +
      live.map(function (m) { return '<tr><td class="at">' + esc(clockLabel(m.at)) + '</td><td>' + esc(m.actor) + '</td><td>' + esc(m.channel) + '</td><td>' + esc(m.type) + '</td><td class="path">' + esc(m.data === undefined ? '' : JSON.stringify(m.data)) + '</td></tr>'; }).join('') + '</tbody></table>';
  }

  function logTable(log) {
    if (!log) return '';
    if (!log.length) return '<h4>Gateway log</h4><p class="note">The gateway logged nothing.</p>';
    return '<h4>Gateway log</h4><table class="grid log"><colgroup><col style="width:110px"><col style="width:70px"><col><col style="width:300px"></colgroup><thead><tr><th>Time</th><th>Level</th><th>Message</th><th>Correlation id</th></tr></thead><tbody>' +
      log.map(function (line) {
        var time = line.time ? new Date(line.time).toISOString().slice(11, 23) : '';
        var details = Object.keys(line.details || {}).length ? '<div class="note">' + esc(JSON.stringify(line.details)) + '</div>' : '';
        return '<tr class="level-' + esc(line.level) + '"><td class="at">' + esc(time) + '</td><td>' + esc(line.level) + '</td><td>' + esc(line.msg) + details + '</td><td class="path">' + esc(line.correlationId || '') + '</td></tr>';
      }).join('') + '</tbody></table>';
  }

  /** The page stores every distinct header line once; an evidence's headers are indexes into that list. */
  function expand(evidence, dictionary) {
    function headers(indexes) {
      var out = {};
      (indexes || []).forEach(function (i) { var line = dictionary[i]; var cut = line.indexOf(': '); out[line.slice(0, cut)] = line.slice(cut + 2); });
      return out;
    }
    if (!dictionary) return evidence;
    return {
      clock: evidence.clock,
      moves: evidence.moves || [],
      live: evidence.live || [],
      log: evidence.log,
      upstream: (evidence.upstream || []).map(function (c) { return Object.assign({}, c, { headers: headers(c.headers) }); }),
      exchanges: (evidence.exchanges || []).map(function (x) {
        return Object.assign({}, x, { request: { headers: headers(x.request.headers), body: x.request.body }, response: { headers: headers(x.response.headers), body: x.response.body } });
      }),
    };
  }

  function renderEvidence(evidence) {
    var diagram = sequenceDiagram(evidence);
    var moved = (evidence.moves || []).reduce(function (sum, m) { return sum + m.ms; }, 0);
    return (diagram ? '<h4>What crossed, on the scenario clock' + (moved ? ' (' + esc(duration(moved)) + ' of moved time)' : '') + '</h4><div class="diagram">' + diagram + '</div>' : '<p class="note">Nothing crossed the wire in this scenario.</p>') +
      exchangesTable(evidence.exchanges) + upstreamTable(evidence.upstream) + liveTable(evidence.live) + logTable(evidence.log);
  }

  var api = { esc: esc, clockLabel: clockLabel, duration: duration, sequenceDiagram: sequenceDiagram, renderEvidence: renderEvidence, curlOf: curlOf, expand: expand, MASK: MASK };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  /* ---------- in the browser ---------- */
  var data = JSON.parse(document.getElementById('living-data').textContent);
  var parseTags = root.TagExpressions && root.TagExpressions.default;

  function route() {
    var hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    var cut = hash.indexOf('?');
    var params = new URLSearchParams(cut >= 0 ? hash.slice(cut + 1) : '');
    var path = (cut >= 0 ? hash.slice(0, cut) : hash).split('/').filter(Boolean);
    return { path: path, q: params.get('q') || '' };
  }

  function setHash(path, q) {
    var hash = '#' + path.join('/') + (q ? '?q=' + encodeURIComponent(q) : '');
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  /** A query is a tag expression when it names a tag (`@smoke and not @wip`); otherwise words. */
  function matcher(q) {
    q = q.trim();
    if (!q) return null;
    if (/(^|[\s(])@/.test(q) && parseTags) {
      try {
        var expression = parseTags(q);
        return function (row) { return expression.evaluate(row.dataset.tags.split(' ').filter(Boolean)); };
      } catch (e) { /* not a valid expression: search for the words */ }
    }
    var words = q.toLowerCase().split(/\s+/);
    return function (row) { var text = row.dataset.search; return words.every(function (w) { return text.indexOf(w) >= 0; }); };
  }

  function applySearch(q, view) {
    var match = matcher(q);
    var count = 0;
    var scope = view === 'results' ? document : document.querySelector('[data-view="' + view + '"]');
    document.querySelectorAll('.scenario').forEach(function (row) {
      var visible = !match || match(row);
      row.hidden = !visible;
      if (visible && match && scope.contains(row)) count++;
    });
    document.querySelectorAll('.feature, .rule').forEach(function (block) {
      block.hidden = !!match && !block.querySelector('.scenario:not([hidden])');
    });
    var note = document.getElementById('search-count');
    note.textContent = match ? count + (count === 1 ? ' scenario matches' : ' scenarios match') : '';
  }

  function show() {
    var r = route();
    var input = document.getElementById('search');
    if (document.activeElement !== input) input.value = r.q;
    var key = r.path[0] || 'home';
    var known = document.querySelector('[data-view="' + key + '"]');
    var view = known ? key : 'home';
    var results = view === 'home' && r.q.trim();
    document.querySelectorAll('[data-view]').forEach(function (section) {
      section.hidden = results ? !section.classList.contains('capability-page') : section.dataset.view !== view;
    });
    document.body.classList.toggle('searching', !!results);
    document.querySelectorAll('nav a[data-nav]').forEach(function (a) { a.classList.toggle('current', a.dataset.nav === view); });
    applySearch(r.q, results ? 'results' : view);
    if (r.path.length > 1) {
      var target = document.getElementById(r.path.join('/'));
      if (target) {
        if (target.tagName === 'DETAILS') target.open = true;
        target.scrollIntoView({ block: 'start' });
      }
    } else if (!r.q) window.scrollTo(0, 0);
  }

  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.classList || !details.classList.contains('scenario')) return;
    if (details.open) {
      var slot = details.querySelector('.evidence[data-key]');
      if (slot && !slot.dataset.drawn) {
        var raw = data.evidence[slot.dataset.key];
        if (raw) slot.innerHTML = renderEvidence(expand(raw, data.headers));
        slot.dataset.drawn = '1';
      }
      setHash(details.id.split('/'), route().q);
    }
  }, true);

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.copy-curl');
    if (!button) return;
    var text = button.parentNode.nextElementSibling.textContent;
    var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy as curl'; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { select(button.parentNode.nextElementSibling); });
    else select(button.parentNode.nextElementSibling);
  });

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.getElementById('search').addEventListener('input', function (event) {
    var r = route();
    setHash(r.path.length > 1 ? r.path.slice(0, 1) : r.path, event.target.value);
    show();
  });
  window.addEventListener('hashchange', show);
  show();
})(this);
