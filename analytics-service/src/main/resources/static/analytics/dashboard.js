/* Sarkhat analytics dashboard. The page is a shell; the shared session.js sends a visitor without a token to the
   gateway's /login and back, and this script reads the staff report API with the token. No inline code (CSP); all text via textContent; the chart is SVG built
   here. Numbers in Persian digits, dates in the Jalali calendar (Tehran time). */
(function () {
  'use strict';

  var session = window.SarkhatStaff, SVG = 'http://www.w3.org/2000/svg';
  var NUMBER = new Intl.NumberFormat('fa-IR');
  var DAY = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'short', day: 'numeric', timeZone: 'Asia/Tehran' });
  var HOUR = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Tehran' });
  var SOURCE = { 'Direct / None': 'مستقیم' };
  var DEVICE = { Mobile: 'تلفن همراه', Tablet: 'تبلت', Laptop: 'لپ‌تاپ', Desktop: 'رایانهٔ رومیزی', unknown: 'نامعلوم' };

  var $ = function (id) { return document.getElementById(id); };
  // load: the number of the latest load(); an answer of an earlier one (the period changed meanwhile) is dropped
  var state = { topOffset: 0, stream: null, load: 0 };

  function n(value) { return NUMBER.format(value); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function say(text, isError) { $('message').textContent = text || ''; $('message').className = 'message' + (isError ? ' error' : ''); }
  function token() { return session.token(); }

  /* A signed-in account without the EDITOR role: no numbers, a way to sign in as someone else (no loop). */
  function denied() {
    if (state.stream) { state.stream.abort(); state.stream = null; }
    $('stats').hidden = true;
    session.forbidden('آمار بازدید فقط برای دبیران است و حساب «' + session.user() + '» نقش دبیر ندارد.');
  }

  /* ---- the API ---- */

  function api(path, body) {
    var init = { headers: { Authorization: 'Bearer ' + token() } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) { session.expired(); throw new Error('signed out'); }
      if (response.status === 403) { denied(); throw new Error('forbidden'); }
      if (!response.ok) {
        return response.json().then(function (problem) { var e = new Error(problem.detail || 'خطا'); e.status = response.status; throw e; });
      }
      return response;
    });
  }
  function json(path, body) { return api(path, body).then(function (r) { return r.json(); }); }

  function range() {
    var period = $('period').value;
    if (period !== 'custom') return { query: 'period=' + period, dateRange: period };
    return { query: 'from=' + $('from').value + '&to=' + $('to').value, dateRange: [$('from').value, $('to').value] };
  }

  /* ---- reports ---- */

  /* Every table is replaced when its own answer arrives, and only if no later load() started meanwhile: two loads
     in flight (a period picked while the first is loading) can neither mix their rows nor leave older numbers. */
  function load() {
    var r = range(), seq = ++state.load;
    say('در حال بارگذاری…');
    Promise.all([summary(r, seq), series(r, seq), top(r, seq, 0),
      breakdown(r, seq, 'source', 'sources', SOURCE), breakdown(r, seq, 'device', 'devices', DEVICE)])
      .then(function () { if (seq === state.load) say(''); })
      .catch(function (error) {
        if (seq === state.load && error.message !== 'signed out' && error.message !== 'forbidden') say(error.message, true);
      });
  }
  function current(seq) { return seq === state.load; }

  function summary(r, seq) {
    var full = { metrics: ['visitors', 'pageviews', 'bounce_rate', 'visit_duration'], date_range: r.dateRange };
    return json('/api/analytics/query', full).catch(function (error) {
      if (error.status !== 400) throw error; // sessions are kept 30 days: older ranges show views and visitors only
      return json('/api/analytics/query', { metrics: ['visitors', 'pageviews'], date_range: r.dateRange });
    }).then(function (result) {
      if (!current(seq)) return;
      var m = result.results.length ? result.results[0].metrics : [0, 0];
      $('m-visitors').textContent = n(m[0]);
      $('m-pageviews').textContent = n(m[1]);
      $('m-bounce').textContent = m.length > 2 ? n(m[2]) + '٪' : '–';
      $('m-duration').textContent = m.length > 3 ? duration(m[3]) : '–';
    });
  }

  function duration(seconds) {
    var minutes = Math.floor(seconds / 60);
    return (minutes ? n(minutes) + ' دقیقه و ' : '') + n(seconds % 60) + ' ثانیه';
  }

  function series(r, seq) {
    return json('/api/analytics/timeseries?' + r.query).then(function (s) { if (current(seq)) chart(s.points, s.interval); });
  }

  function chart(points, interval) {
    var box = $('chart'), w = 900, h = 260, left = 50, bottom = 30, top = 10;
    box.textContent = '';
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    var max = 1;
    points.forEach(function (p) { max = Math.max(max, p.pageviews, p.visitors); });
    var x = function (i) { return w - left - (points.length < 2 ? 0 : i * (w - 2 * left) / (points.length - 1)); }; // RTL: time runs right to left
    var y = function (v) { return h - bottom - v * (h - bottom - top) / max; };
    [0, 0.5, 1].forEach(function (f) {
      var line = document.createElementNS(SVG, 'line');
      line.setAttribute('class', 'axis');
      line.setAttribute('x1', left); line.setAttribute('x2', w - left);
      line.setAttribute('y1', y(max * f)); line.setAttribute('y2', y(max * f));
      svg.appendChild(line);
      var label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', w - left + 6); label.setAttribute('y', y(max * f) + 4);
      label.textContent = n(Math.round(max * f));
      svg.appendChild(label);
    });
    ['pageviews', 'visitors'].forEach(function (key) {
      var path = document.createElementNS(SVG, 'polyline');
      path.setAttribute('class', key === 'pageviews' ? 'views' : 'visitors');
      path.setAttribute('points', points.map(function (p, i) { return x(i) + ',' + y(p[key]); }).join(' '));
      svg.appendChild(path);
    });
    var every = Math.max(1, Math.ceil(points.length / 8));
    points.forEach(function (p, i) {
      if (i % every) return;
      var label = document.createElementNS(SVG, 'text');
      label.setAttribute('class', 'x-label');
      label.setAttribute('x', x(i)); label.setAttribute('y', h - 8); label.setAttribute('text-anchor', 'middle');
      label.textContent = (interval === 'days' ? DAY : HOUR).format(new Date(p.at));
      svg.appendChild(label);
    });
    box.appendChild(svg);
  }

  /** A page of the most viewed articles from offset: 0 replaces the table, more appends. */
  function top(r, seq, offset) {
    return json('/api/analytics/top?' + r.query + '&limit=20&offset=' + offset).then(function (result) {
      if (!current(seq)) return;
      var body = $('top').tBodies[0];
      if (offset === 0) body.textContent = '';
      result.items.forEach(function (item) {
        var row = document.createElement('tr');
        var cell = document.createElement('td');
        var link = el('a', item.title);
        link.href = '/articles/' + encodeURIComponent(item.slug);
        cell.appendChild(link);
        row.appendChild(cell);
        row.appendChild(el('td', n(item.views), 'n'));
        row.appendChild(el('td', n(item.uniqueVisitors), 'n'));
        row.appendChild(el('td', n(item.comments), 'n'));
        body.appendChild(row);
      });
      state.topOffset = offset + result.items.length;
      $('more-top').hidden = result.items.length < 20;
    });
  }
  $('more-top').addEventListener('click', function () { top(range(), state.load, state.topOffset).catch(function (e) { say(e.message, true); }); });

  function breakdown(r, seq, dimension, tableId, names) {
    return json('/api/analytics/breakdown?dimension=' + dimension + '&' + r.query + '&limit=10').then(function (result) {
      if (!current(seq)) return;
      var body = $(tableId).tBodies[0];
      body.textContent = '';
      result.rows.forEach(function (row) {
        var tr = document.createElement('tr');
        tr.appendChild(el('td', names[row.value] || row.value));
        tr.appendChild(el('td', n(row.pageviews), 'n'));
        tr.appendChild(el('td', n(row.visitors), 'n'));
        body.appendChild(tr);
      });
    });
  }

  /* ---- current readers: server-sent events, read with fetch so the request can carry the token ---- */

  function showReaders(readers) {
    $('m-realtime').textContent = n(readers.visitors);
    var body = $('realtime').tBodies[0];
    body.textContent = '';
    readers.articles.slice(0, 10).forEach(function (a) {
      var tr = document.createElement('tr');
      tr.appendChild(el('td', a.title || a.articleId));
      tr.appendChild(el('td', n(a.visitors), 'n'));
      body.appendChild(tr);
    });
  }

  function listen() {
    var controller = new AbortController();
    state.stream = controller;
    fetch('/api/analytics/realtime/stream', { headers: { Authorization: 'Bearer ' + token() }, signal: controller.signal })
      .then(function (response) {
        if (!response.ok || !response.body) throw new Error('no stream');
        var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('stream ended');
            buffer += decoder.decode(chunk.value, { stream: true });
            var events = buffer.split(/\r?\n\r?\n/);
            buffer = events.pop();
            events.forEach(function (event) {
              var data = event.split(/\r?\n/).filter(function (l) { return l.indexOf('data:') === 0; })
                .map(function (l) { return l.slice(5); }).join('\n');
              if (data) showReaders(JSON.parse(data));
            });
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        if (state.stream === controller && token()) setTimeout(listen, 5000); // reconnect like EventSource does
      });
  }

  /* ---- CSV export: fetched with the token, saved as a file ---- */

  $('export').addEventListener('click', function () {
    var r = range();
    api('/api/analytics/export.csv?' + r.query).then(function (response) { return response.blob(); }).then(function (blob) {
      var link = el('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'sarkhat-analytics-' + $('period').value + '.csv';
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }).catch(function (e) { say(e.message, true); });
  });

  $('period').addEventListener('change', function () {
    var custom = $('period').value === 'custom';
    Array.prototype.forEach.call(document.querySelectorAll('.custom'), function (l) { l.hidden = !custom; });
    if (!custom) load();
  });
  $('period-form').addEventListener('submit', function (event) { event.preventDefault(); load(); });

  if (session.begin('دبیر')) {
    $('stats').hidden = false;
    load();
    listen();
  }
})();
