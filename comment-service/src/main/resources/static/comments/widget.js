/* Sarkhat comment widget for <section id="comments" data-article-id>. No inline code (CSP). */
(function () {
  'use strict';

  var DIGITS = '۰۱۲۳۴۵۶۷۸۹';
  var DATE = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tehran'
  });
  // Per field: label, then messages for missing, too long, invalid.
  var FIELDS = {
    authorName: ['نام', 'نام خود را بنویسید.', 'نام بیش از ۲۴۵ نویسه است.', 'نام درست نیست.'],
    authorEmail: ['ایمیل', 'نشانی ایمیل را بنویسید.', 'نشانی ایمیل بیش از ۱۰۰ نویسه است.',
      'نشانی ایمیل درست نیست؛ مثلاً name@example.com'],
    authorUrl: ['وب‌سایت', '', 'نشانی وب‌سایت بیش از ۲۰۰ نویسه است.', 'نشانی وب‌سایت باید با http یا https آغاز شود.'],
    body: ['دیدگاه', 'متن دیدگاه را بنویسید.', 'متن دیدگاه بیش از حد بلند است.', 'متن دیدگاه پذیرفته نشد.'],
    parentId: ['', '', '', 'دیدگاهی که به آن پاسخ می‌دهید در دسترس نیست.']
  };
  var STATUS = {
    403: 'دیدگاه‌ها برای این خبر بسته شده است.',
    404: 'این خبر پیدا نشد یا دیگر دیدگاه نمی‌پذیرد.',
    409: 'این دیدگاه را پیش‌تر فرستاده‌اید.'
  };

  function fa(n) { return String(n).replace(/[0-9]/g, function (d) { return DIGITS[d]; }); }

  /** Element with class, text (as text, never HTML) and properties; dashed names are attributes. */
  function el(tag, cls, text, props) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    Object.keys(props || {}).forEach(function (k) {
      if (k.indexOf('-') > 0) node.setAttribute(k, props[k]); else node[k] = props[k];
    });
    return node;
  }

  function button(cls, text, onClick) {
    var b = el('button', cls, text, { type: 'button' });
    b.addEventListener('click', onClick);
    return b;
  }

  function mount(section) {
    var api = (section.getAttribute('data-api-base') || '') + '/api/articles/' +
      encodeURIComponent(section.getAttribute('data-article-id')) + '/comments';
    var order = 'oldest', nextCursor = null, parentId = null, inputs = {};

    var root = el('div', 'sc-widget', null, { dir: 'rtl', lang: 'fa' });
    var head = root.appendChild(el('div', 'sc-head'));
    head.appendChild(el('h2', 'sc-title', 'دیدگاه‌ها'));
    var count = head.appendChild(el('span', 'sc-count'));
    var orders = head.appendChild(el('div', 'sc-order', null, { role: 'group', 'aria-label': 'ترتیب نمایش' }));
    var orderButtons = {};
    [['oldest', 'قدیمی‌ترین‌ها'], ['newest', 'تازه‌ترین‌ها']].forEach(function (o) {
      orderButtons[o[0]] = orders.appendChild(button('sc-order-' + o[0], o[1], function () {
        if (order !== o[0]) { order = o[0]; load(); }
      }));
    });
    var listStatus = root.appendChild(el('p', 'sc-list-status', null, { role: 'status' }));
    var list = root.appendChild(el('ol', 'sc-list'));
    var more = root.appendChild(button('sc-more', 'نمایش دیدگاه‌های بیشتر', function () { page(nextCursor); }));
    more.hidden = true;

    // noValidate: our messages are Persian and name the field; the browser's may not be.
    var formHome = root.appendChild(el('div', 'sc-form-home'));
    var form = formHome.appendChild(el('form', 'sc-form', null, { noValidate: true }));
    var formTitle = form.appendChild(el('h3', 'sc-form-title', 'دیدگاه خود را بنویسید'));
    var replyNote = form.appendChild(el('p', 'sc-reply-note', null, { hidden: true }));
    var cancelReply = button('sc-cancel-reply', 'لغو پاسخ', function () { replyTo(null); });
    var note = form.appendChild(el('p', 'sc-note', 'نشانی ایمیل شما منتشر نخواهد شد. بخش‌های ضروری: '));
    note.appendChild(el('span', 'sc-req', '*'));
    field('body', 'textarea', true);
    field('authorName', 'text', true, 'name');
    field('authorEmail', 'email', true, 'email');
    field('authorUrl', 'url', false, 'url');
    // Honeypot: people never see or reach it; bots that fill every field give themselves away.
    var trap = form.appendChild(el('div', 'sc-hp', null, { 'aria-hidden': 'true' }));
    trap.appendChild(el('label', '', 'این بخش را خالی بگذارید', { htmlFor: 'sc-website' }));
    var trapInput = trap.appendChild(el('input', '', null,
      { type: 'text', name: 'website', id: 'sc-website', tabIndex: -1, autocomplete: 'off' }));
    checkbox('notifyApproval', 'وقتی دیدگاهم منتشر شد، با ایمیل خبرم کن.');
    checkbox('notifyReplies', 'پاسخ‌های تازه به دیدگاهم را با ایمیل خبر بده.');
    var formStatus = form.appendChild(el('p', '', null, { role: 'alert' }));
    var submit = form.appendChild(el('button', 'sc-submit', 'فرستادن دیدگاه', { type: 'submit' }));
    form.addEventListener('submit', function (e) { e.preventDefault(); send(); });

    function field(name, type, required, autocomplete) {
      var wrap = form.appendChild(el('p', 'sc-field sc-field-' + name)), id = 'sc-' + name;
      var label = wrap.appendChild(el('label', '', FIELDS[name][0], { htmlFor: id }));
      if (required) label.appendChild(el('span', 'sc-req', ' *', { 'aria-hidden': 'true' }));
      var input = wrap.appendChild(el(type === 'textarea' ? 'textarea' : 'input', '', null,
        { id: id, name: name, 'aria-describedby': id + '-error' }));
      if (type === 'textarea') input.rows = 5; else input.type = type;
      if (autocomplete) input.autocomplete = autocomplete;
      if (type === 'email' || type === 'url') input.dir = 'ltr';
      if (required) { input.required = true; input.setAttribute('aria-required', 'true'); }
      inputs[name] = { input: input, error: wrap.appendChild(el('span', 'sc-field-error', null, { id: id + '-error' })) };
    }

    function checkbox(name, text) {
      var wrap = form.appendChild(el('p', 'sc-check'));
      inputs[name] = { input: wrap.appendChild(el('input', '', null, { type: 'checkbox', id: 'sc-' + name, name: name })) };
      wrap.appendChild(el('label', '', text, { htmlFor: 'sc-' + name }));
    }

    function fetchPage(cursor) {
      var url = api + '?order=' + order + '&limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      });
    }

    /** First page; replaces the server-rendered comments only once the API has answered. */
    function load() {
      Object.keys(orderButtons).forEach(function (o) { orderButtons[o].setAttribute('aria-pressed', o === order); });
      return fetchPage(null).then(function (data) {
        if (!root.parentNode) {
          while (section.firstChild) section.removeChild(section.firstChild);
          section.appendChild(root);
        }
        list.textContent = '';
        show(data);
      }, function () {
        if (root.parentNode) listStatus.textContent = 'دیدگاه‌ها بارگیری نشد.';
        else section.appendChild(formHome); // keep the server's list, still offer the form
      });
    }

    function page(cursor) {
      more.disabled = true;
      fetchPage(cursor).then(show, function () {
        listStatus.textContent = 'بارگیری نشد؛ دوباره تلاش کنید.';
      }).then(function () { more.disabled = false; });
    }

    function show(data) {
      var n = data.count || 0;
      count.textContent = n ? fa(n) + ' دیدگاه' : '';
      listStatus.textContent = n || list.firstChild ? '' : 'هنوز دیدگاهی نیست؛ نخستین نفر باشید.';
      threaded(data.items || []).forEach(function (c) { list.appendChild(comment(c)); });
      nextCursor = data.nextCursor || null;
      more.hidden = !nextCursor;
    }

    function comment(c) {
      var name = c.authorName || 'ناشناس';
      var li = el('li', 'sc-comment' + (c.staff ? ' sc-staff' : ''), null, { id: 'comment-' + c.id, 'data-comment-id': c.id });
      var card = li.appendChild(el('article', 'sc-card'));
      var meta = card.appendChild(el('header', 'sc-meta'));
      var avatar = meta.appendChild(el('span', 'sc-avatar', name.charAt(0), { 'aria-hidden': 'true' }));
      if (c.avatarHash) avatar.style.backgroundColor = 'hsl(' + parseInt(c.avatarHash.slice(0, 4), 16) % 360 + ',45%,42%)';
      meta.appendChild(/^https?:\/\//i.test(c.authorUrl || '')
        ? el('a', 'sc-author', name, { href: c.authorUrl, rel: 'ugc nofollow noopener' })
        : el('span', 'sc-author', name));
      if (c.staff) meta.appendChild(el('span', 'sc-badge', 'تحریریه'));
      if (c.createdAt) meta.appendChild(el('time', 'sc-date', DATE.format(new Date(c.createdAt)), { dateTime: c.createdAt }));
      // bodyHtml comes from comment-service's allow-list sanitizer (a, br only).
      card.appendChild(el('div', 'sc-body')).innerHTML = c.bodyHtml || '';
      card.appendChild(button('sc-reply', 'پاسخ', function () { replyTo({ id: c.id, name: name, card: card }); }))
        .setAttribute('aria-label', 'پاسخ به ' + name);
      if (c.replies && c.replies.length) {
        var replies = li.appendChild(el('ol', 'sc-replies'));
        c.replies.forEach(function (r) { replies.appendChild(comment(r)); });
      }
      return li;
    }

    /** Moves the one form under the comment being answered, or back to the end. */
    function replyTo(target) {
      parentId = target ? target.id : null;
      replyNote.textContent = '';
      replyNote.hidden = !target;
      formTitle.textContent = target ? 'پاسخ شما' : 'دیدگاه خود را بنویسید';
      if (target) {
        replyNote.appendChild(document.createTextNode('در پاسخ به ' + target.name + ' '));
        replyNote.appendChild(cancelReply);
        target.card.parentNode.insertBefore(form, target.card.nextSibling);
      } else {
        formHome.appendChild(form);
      }
      inputs.body.input.focus();
    }

    function say(text, isError) {
      formStatus.textContent = text;
      formStatus.className = 'sc-form-status ' + (isError ? 'sc-error' : 'sc-success');
    }

    function fieldError(name, text) {
      var f = inputs[name];
      if (!f) return say(text, true);
      f.error.textContent = text;
      f.input.setAttribute('aria-invalid', true);
    }

    function send() {
      Object.keys(inputs).forEach(function (k) {
        if (inputs[k].error) { inputs[k].error.textContent = ''; inputs[k].input.removeAttribute('aria-invalid'); }
      });
      say('', false);
      var value = function (k) { return inputs[k].input.value.trim(); };
      var missing = ['body', 'authorName', 'authorEmail'].filter(function (k) { return !value(k); });
      if (missing.length) {
        missing.forEach(function (k) { fieldError(k, FIELDS[k][1]); });
        return inputs[missing[0]].input.focus();
      }
      var payload = {
        authorName: value('authorName'), authorEmail: value('authorEmail'), body: inputs.body.input.value,
        website: trapInput.value, notifyApproval: inputs.notifyApproval.input.checked,
        notifyReplies: inputs.notifyReplies.input.checked
      };
      if (value('authorUrl')) payload.authorUrl = value('authorUrl');
      if (parentId) payload.parentId = parentId;
      submit.disabled = true;
      say('در حال فرستادن…', false);
      fetch(api, {
        method: 'POST', credentials: 'omit', body: JSON.stringify(payload),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' }
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) { answered(r, body); });
      }, function () {
        say('ارتباط با سرور برقرار نشد؛ اتصال را بررسی کنید و دوباره بفرستید.', true);
      }).then(function () { submit.disabled = false; });
    }

    function answered(r, body) {
      var s = r.status;
      if (s >= 200 && s < 300) {
        inputs.body.input.value = '';
        if (body.status !== 'APPROVED') return say('دیدگاه شما پس از بررسی منتشر می‌شود.', false);
        replyTo(null);
        say('دیدگاه شما منتشر شد.', false);
        return load();
      }
      if (s === 400) return invalid(body);
      if (s === 413) return fieldError('body', FIELDS.body[2]);
      if (s === 429) return say('کمی آهسته‌تر: ' + fa(retryAfter(r)) + ' ثانیهٔ دیگر دوباره بفرستید.', true);
      say(STATUS[s] || 'خطایی در سرور رخ داد؛ چند لحظهٔ دیگر دوباره بفرستید.', true);
    }

    /** 400: a Persian message per named field. */
    function invalid(problem) {
      var errors = Array.isArray(problem.errors) ? problem.errors : [];
      if (!errors.length) {
        String(problem.detail || '').split(';').forEach(function (part) {
          var m = /^\s*(\w+)\s*:\s*(.*)$/.exec(part);
          if (m) errors.push({ field: m[1], message: m[2] });
        });
      }
      var known = errors.filter(function (e) { return FIELDS[e.field]; });
      known.forEach(function (e) {
        var f = FIELDS[e.field], m = String(e.message);
        fieldError(e.field, /required|blank|empty/i.test(m) && f[1] || /at most|long|size/i.test(m) && f[2] || f[3]);
      });
      if (known.length && inputs[known[0].field]) inputs[known[0].field].input.focus();
      say(known.length ? 'لطفاً خطاهای فرم را برطرف کنید.' : 'دیدگاه پذیرفته نشد؛ فرم را بررسی کنید.', true);
    }

    load();
  }

  function retryAfter(r) {
    var s = parseInt(r.headers.get('Retry-After'), 10); // the service sends seconds
    return s > 0 ? s : 15;
  }

  /** Items arrive nested in "replies"; a flat list with parentId is nested here. */
  function threaded(items) {
    if (items.some(function (c) { return Array.isArray(c.replies); })) return items;
    var byId = {}, top = [];
    items.forEach(function (c) { byId[c.id] = Object.assign({}, c, { replies: [] }); });
    items.forEach(function (c) {
      var parent = c.parentId && byId[c.parentId];
      (parent ? parent.replies : top).push(byId[c.id]);
    });
    return top;
  }

  function start() {
    var section = document.getElementById('comments');
    if (section && section.getAttribute('data-article-id') && !section.hasAttribute('data-sc-ready')) {
      section.setAttribute('data-sc-ready', '');
      mount(section);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
