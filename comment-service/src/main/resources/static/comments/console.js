/* Sarkhat moderation console. The page is a shell; the shared session.js sends a visitor without a token to
   the gateway's /login and back, and this script drives the moderation API with the token. No inline code (CSP), text via textContent only. */
(function () {
  'use strict';

  var session = window.SarkhatStaff;
  var DIGITS = '۰۱۲۳۴۵۶۷۸۹';
  var DATE = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tehran'
  });
  var STATUS = { PENDING: 'در انتظار بررسی', APPROVED: 'تأییدشده', SPAM: 'هرزنامه', TRASH: 'زباله‌دان' };
  var ACTION = { approve: 'تأیید', unapprove: 'لغو تأیید', spam: 'هرزنامه', trash: 'زباله‌دان', restore: 'بازگردانی' };
  var DONE = { approve: 'تأیید شد', unapprove: 'به صف بررسی برگشت', spam: 'هرزنامه شد', trash: 'به زباله‌دان رفت', restore: 'بازگردانده شد' };
  var ALLOWED = { PENDING: ['approve', 'spam', 'trash'], APPROVED: ['unapprove', 'spam', 'trash'], SPAM: ['restore', 'trash'], TRASH: ['restore'] };
  var KEYS = { a: 'approve', u: 'unapprove', s: 'spam', t: 'trash' };
  // Rule names as comment-service records them in heldBy; the detail sentence comes with each.
  var RULES = {
    'first-time': 'نخستین دیدگاه', 'mode-all': 'بررسی همه', 'links': 'پیوندهای زیاد', 'hold-word': 'واژهٔ نیازمند بررسی',
    'block-word': 'واژهٔ ممنوع', 'ban': 'مسدود', 'honeypot': 'تلهٔ ربات'
  };

  var $ = function (id) { return document.getElementById(id); };
  var root = $('console');
  var api = (root.getAttribute('data-api-base') || '') + '/api/moderation';
  var state = { status: 'PENDING', rows: [], current: -1, cursor: null, filters: {} };

  function fa(text) { return String(text).replace(/[0-9]/g, function (d) { return DIGITS[d]; }); }
  function date(iso) { return iso ? DATE.format(new Date(iso)) : ''; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function say(text, isError) {
    var m = $('message');
    m.textContent = text;
    m.className = 'message' + (isError ? ' error' : '');
  }

  /** Calls the moderation API with the token; a 401 ends the session, other failures become Persian errors. */
  function call(method, path, body) {
    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + session.token() };
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        if (r.status === 401) { session.expired(); throw new Error('signed out'); }
        if (r.status === 403) { denied(); throw new Error('signed out'); }
        if (r.status === 404) throw new Error('این دیدگاه دیگر وجود ندارد.');
        if (r.status === 409) throw new Error('این کار در وضعیت کنونی دیدگاه ممکن نیست؛ فهرست را تازه کنید.');
        if (!r.ok) throw new Error('درخواست انجام نشد (خطای ' + fa(r.status) + ').');
        return r.status === 204 ? {} : r.json();
      }, function () { throw new Error('ارتباط با سرور برقرار نشد.'); });
  }

  function fail(err) { if (err.message !== 'signed out') say(err.message, true); }

  /* ---- the queue ---- */

  function query(status, cursor, limit) {
    var q = '?status=' + status + '&limit=' + limit;
    if (state.filters.articleId) q += '&articleId=' + encodeURIComponent(state.filters.articleId);
    if (state.filters.q) q += '&q=' + encodeURIComponent(state.filters.q);
    if (cursor) q += '&cursor=' + encodeURIComponent(cursor);
    return q;
  }

  function refresh() {
    state.rows = [];
    state.current = -1;
    $('queue').textContent = '';
    $('select-all').checked = false;
    selectionChanged();
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.getAttribute('data-status') === state.status));
    });
    loadPage(null);
    counts();
  }

  function loadPage(cursor) {
    $('more').disabled = true;
    return call('GET', '/comments' + query(state.status, cursor, 20)).then(function (data) {
      (data.items || []).forEach(addRow);
      state.cursor = data.nextCursor || null;
      $('more').hidden = !state.cursor;
      $('empty').hidden = state.rows.length > 0;
      if (state.current < 0 && state.rows.length) select(0);
    }).catch(fail).then(function () { $('more').disabled = false; });
  }

  /** Tab counts: the API's total when it gives one, else what one page of 100 holds («۱۰۰+» when there is more). */
  function counts() {
    document.querySelectorAll('.tabs button').forEach(function (tab) {
      var status = tab.getAttribute('data-status');
      call('GET', '/comments' + query(status, null, 100)).then(function (data) {
        var total = typeof data.total === 'number' ? data.total : typeof data.count === 'number' ? data.count : null;
        var n = total != null ? fa(total) : fa((data.items || []).length) + (data.nextCursor ? '+' : '');
        tab.querySelector('.n').textContent = '(' + n + ')';
      }).catch(function () { tab.querySelector('.n').textContent = ''; });
    });
  }

  /** heldBy: a list of {rule, detail} (one object tolerated). The service's sentence, else the rule's name. */
  function reasons(heldBy) {
    if (!heldBy) return [];
    return (Array.isArray(heldBy) ? heldBy : [heldBy]).map(function (h) {
      var rule = typeof h === 'string' ? h : h.rule || '';
      return { rule: rule, label: RULES[rule] || rule, text: h.detail || h.reason || RULES[rule] || rule };
    });
  }

  function addRow(item) {
    var li = el('li', 'row');
    li.setAttribute('data-comment-id', item.id);
    li.tabIndex = -1;
    var row = { item: item, li: li };

    var check = el('input', 'pick');
    check.type = 'checkbox';
    check.setAttribute('aria-label', 'انتخاب دیدگاه ' + (item.authorName || ''));
    check.addEventListener('change', selectionChanged);
    row.check = check;
    li.appendChild(check);

    var main = el('div', 'main');
    var held = reasons(item.heldBy);
    if (held.length) {
      var why = el('ul', 'held');
      why.setAttribute('aria-label', 'دلیل نگه داشتن');
      held.forEach(function (h) {
        var r = el('li', 'reason', h.text);
        r.setAttribute('data-rule', h.rule);
        r.title = 'قاعده: ' + h.label;
        why.appendChild(r);
      });
      main.appendChild(why);
    }
    var meta = el('p', 'meta');
    meta.appendChild(el('strong', 'author', item.authorName || 'ناشناس'));
    var email = el('span', 'email', item.authorEmail || '');
    email.dir = 'ltr';
    meta.appendChild(email);
    if (item.authorUrl) { var url = el('span', 'url', item.authorUrl); url.dir = 'ltr'; meta.appendChild(url); }
    if (item.ipPrefix) { var ip = el('span', 'ip', item.ipPrefix); ip.dir = 'ltr'; ip.title = 'نشانی IP (کوتاه‌شده)'; meta.appendChild(ip); }
    main.appendChild(meta);

    var context = el('p', 'context');
    var article = el('button', 'article', item.articleTitle || item.articleId);
    article.type = 'button';
    article.title = 'فقط دیدگاه‌های همین خبر';
    article.addEventListener('click', function () { $('filter-article').value = item.articleId; applyFilters(); });
    context.appendChild(article);
    var when = el('time', 'date', date(item.createdAt));
    when.dateTime = item.createdAt || '';
    context.appendChild(when);
    if (item.parentId) context.appendChild(el('span', 'parent', 'پاسخ به دیدگاهی دیگر' + (item.depth ? ' (سطح ' + fa(item.depth) + ')' : '')));
    main.appendChild(context);
    main.appendChild(el('p', 'text', item.body || ''));
    li.appendChild(main);

    var actions = el('div', 'actions');
    (ALLOWED[item.status] || []).forEach(function (action) {
      var b = el('button', 'act act-' + action, item.status === 'SPAM' && action === 'restore' ? 'هرزنامه نیست' : ACTION[action]);
      b.type = 'button';
      b.setAttribute('data-action', action);
      b.addEventListener('click', function () { act(row, action); });
      actions.appendChild(b);
    });
    var history = el('button', 'act act-audit', 'تاریخچه');
    history.type = 'button';
    history.addEventListener('click', function () { audit('commentId', item.id, 'تاریخچهٔ دیدگاه ' + (item.authorName || '')); });
    actions.appendChild(history);
    li.appendChild(actions);

    li.addEventListener('click', function (e) { if (e.target === li || e.target.closest('.main')) select(state.rows.indexOf(row)); });
    state.rows.push(row);
    $('queue').appendChild(li);
  }

  function select(index) {
    if (!state.rows.length) { state.current = -1; return; }
    index = Math.max(0, Math.min(index, state.rows.length - 1));
    if (state.rows[state.current]) state.rows[state.current].li.classList.remove('current');
    state.current = index;
    var li = state.rows[index].li;
    li.classList.add('current');
    li.focus({ preventScroll: true });
    li.scrollIntoView({ block: 'nearest' });
  }

  function removeRow(row) {
    var index = state.rows.indexOf(row);
    if (index < 0) return;
    row.li.remove();
    state.rows.splice(index, 1);
    if (state.current >= state.rows.length) state.current = state.rows.length - 1;
    if (state.rows.length) { state.current = -1; select(Math.min(index, state.rows.length - 1)); }
    $('empty').hidden = state.rows.length > 0;
    selectionChanged();
  }

  function act(row, action) {
    if ((ALLOWED[row.item.status] || []).indexOf(action) < 0) {
      say('«' + ACTION[action] + '» برای دیدگاهی که ' + STATUS[row.item.status] + ' است ممکن نیست.', true);
      return;
    }
    call('POST', '/comments/' + encodeURIComponent(row.item.id) + '/' + action).then(function (updated) {
      say('دیدگاه ' + (row.item.authorName || '') + ' ' + DONE[action] + '.');
      if (updated.status && updated.status !== state.status) removeRow(row);
      counts();
    }).catch(fail);
  }

  /* ---- selection and bulk actions ---- */

  function checkedRows() { return state.rows.filter(function (r) { return r.check.checked; }); }

  function selectionChanged() {
    var n = checkedRows().length;
    $('selected-count').textContent = n ? fa(n) + ' مورد انتخاب شده' : 'هیچ موردی انتخاب نشده';
  }

  $('select-all').addEventListener('change', function () {
    var on = this.checked;
    state.rows.forEach(function (r) { r.check.checked = on; });
    selectionChanged();
  });

  $('bulk-apply').addEventListener('click', function () {
    var action = $('bulk-action').value, rows = checkedRows();
    if (!action) { say('یک کار گروهی انتخاب کنید.', true); return; }
    if (!rows.length) { say('هیچ دیدگاهی انتخاب نشده است.', true); return; }
    call('POST', '/comments/bulk', { ids: rows.map(function (r) { return r.item.id; }), action: action }).then(function (data) {
      var results = data.results || [], ok = 0, failed = 0;
      results.forEach(function (res) {
        var row = rows.filter(function (r) { return r.item.id === res.id; })[0];
        if (res.error || !res.status) { failed++; return; }
        ok++;
        if (row && res.status !== state.status) removeRow(row);
      });
      $('select-all').checked = false;
      say(fa(ok) + ' دیدگاه ' + DONE[action] + (failed ? '؛ ' + fa(failed) + ' مورد انجام نشد.' : '.'), failed > 0);
      counts();
    }).catch(fail);
  });

  /* ---- filters, tabs, paging ---- */

  function applyFilters() {
    state.filters = { articleId: $('filter-article').value.trim(), q: $('filter-q').value.trim() };
    refresh();
  }
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); applyFilters(); });
  $('filter-clear').addEventListener('click', function () { $('filter-article').value = ''; $('filter-q').value = ''; applyFilters(); });
  document.querySelectorAll('.tabs button').forEach(function (tab) {
    tab.addEventListener('click', function () { state.status = tab.getAttribute('data-status'); say(''); applyFilters(); });
  });
  $('more').addEventListener('click', function () { loadPage(state.cursor); });

  /* ---- audit log ---- */

  function audit(param, value, caption) {
    call('GET', '/audit?' + param + '=' + encodeURIComponent(value)).then(function (data) {
      var entries = Array.isArray(data) ? data : data.items || data.entries || [];
      var body = $('audit-table').querySelector('tbody');
      body.textContent = '';
      entries.forEach(function (e) {
        var tr = el('tr');
        var moderator = el('td', '', e.moderator || '');
        moderator.dir = 'ltr';
        var comment = el('td', 'mono', String(e.commentId || '').slice(-8));
        comment.title = e.commentId || '';
        [el('td', '', date(e.at)), moderator, comment, el('td', '', STATUS[e.from] || e.from || '—'),
          el('td', '', STATUS[e.to] || e.to || '—'), el('td', '', e.reason || '')].forEach(function (td) { tr.appendChild(td); });
        body.appendChild(tr);
      });
      $('audit-caption').textContent = caption + ': ' + (entries.length ? fa(entries.length) + ' رویداد' : 'رویدادی ثبت نشده است');
      $('audit-table').hidden = !entries.length;
      $('audit').scrollIntoView({ block: 'nearest' });
    }).catch(fail);
  }
  $('audit-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var who = $('audit-moderator').value.trim();
    if (who) audit('moderator', who, 'کارهای ' + who);
  });

  /* ---- keyboard ---- */

  document.addEventListener('keydown', function (e) {
    if ($('app').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('input, textarea, select')) return;
    // By physical key, so the shortcuts also work with a Persian keyboard layout active (a = ش).
    var key = /^Key[A-Z]$/.test(e.code || '') ? e.code.slice(3).toLowerCase() : String(e.key).toLowerCase();
    var row = state.rows[state.current];
    if (key === 'j') select(state.current + 1);
    else if (key === 'k') select(state.current - 1);
    else if (key === 'x' && row) { row.check.checked = !row.check.checked; selectionChanged(); }
    else if (KEYS[key] && row) act(row, KEYS[key]);
    else return;
    e.preventDefault();
  });

  /* A signed-in account without the MODERATOR role: no console, a way to sign in as someone else. */
  function denied() {
    $('app').hidden = true;
    session.forbidden('میز بررسی دیدگاه‌ها فقط برای ناظران است و حساب «' + session.user() + '» نقش ناظر ندارد.');
  }

  if (session.begin('ناظر')) {
    $('app').hidden = false;
    $('audit-moderator').value = session.user();
    refresh();
  }
})();
