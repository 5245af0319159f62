/* Sarkhat editor desk. The page is a shell; the shared session.js sends a visitor without a token to the
   gateway's /login and back, and this script drives the article API with the token. No inline code (CSP); text via textContent,
   and the preview HTML is the server's sanitized rendering. */
(function () {
  'use strict';

  var session = window.SarkhatStaff;
  var DIGITS = '۰۱۲۳۴۵۶۷۸۹';
  var DATE = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tehran'
  });
  var STATUS = { DRAFT: 'پیش‌نویس', SCHEDULED: 'زمان‌بندی‌شده', PUBLISHED: 'منتشرشده', UNPUBLISHED: 'از انتشار خارج‌شده' };
  var FIELDS = { title: 'عنوان', slug: 'نشانی', body: 'متن', excerpt: 'خلاصه', tags: 'برچسب‌ها', source: 'منبع',
    featuredImage: 'تصویر شاخص', publishAt: 'زمان انتشار' };
  var CHANGED = 'این نوشته در این فاصله تغییر کرده است';

  var $ = function (id) { return document.getElementById(id); };
  var state = { status: 'DRAFT', cursor: null, article: null, etag: null, previewTimer: null, previewSeq: 0 };

  function fa(text) { return String(text).replace(/[0-9]/g, function (d) { return DIGITS[d]; }); }
  function date(iso) { return iso ? DATE.format(new Date(iso)) : ''; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = 'message' + (isError ? ' error' : '');
  }

  /* ---- the API ---- */

  function api(method, path, body, ifMatch) {
    var headers = { Authorization: 'Bearer ' + session.token() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 401) {
          session.expired();
          throw { handled: true };
        }
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { status: response.status, ok: response.ok, json: json, etag: response.headers.get('ETag') };
        });
      });
  }

  /* ---- the list ---- */

  function showList() {
    $('edit-view').hidden = true;
    $('list-view').hidden = false;
    loadList(false);
  }

  function loadList(more) {
    var query = '?status=' + state.status + '&limit=20' + ($('mine').checked ? '&mine=true' : '')
      + (more && state.cursor ? '&cursor=' + encodeURIComponent(state.cursor) : '');
    Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (tab) {
      tab.setAttribute('aria-selected', String(tab.getAttribute('data-status') === state.status));
    });
    api('GET', '/api/editor/articles' + query).then(function (r) {
      if (r.status === 403) { denied(); return; }
      if (!r.ok) return;
      var list = $('list');
      if (!more) list.textContent = '';
      r.json.items.forEach(function (item) { list.appendChild(row(item)); });
      state.cursor = r.json.nextCursor;
      $('more').hidden = !state.cursor;
      $('empty').hidden = list.children.length > 0;
    }).catch(function () {});
  }

  function row(item) {
    var li = el('li', 'row');
    li.setAttribute('data-id', item.id);
    var title = el('button', 'title', item.title);
    title.type = 'button';
    title.addEventListener('click', function () { openArticle(item.id); });
    li.appendChild(title);
    li.appendChild(el('span', 'status status-' + item.status, STATUS[item.status]));
    li.appendChild(el('span', 'author', item.author));
    var when = item.status === 'SCHEDULED' ? 'انتشار: ' + date(item.publishAt) : 'ویرایش: ' + date(item.updatedAt);
    li.appendChild(el('span', 'date', when));
    return li;
  }

  Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (tab) {
    tab.addEventListener('click', function () { state.status = tab.getAttribute('data-status'); loadList(false); });
  });
  $('mine').addEventListener('change', function () { loadList(false); });
  $('more').addEventListener('click', function () { loadList(true); });
  $('back').addEventListener('click', showList);

  /* ---- the editor form ---- */

  function fill(article, etag) {
    state.article = article;
    state.etag = etag;
    var a = article || {};
    $('f-title').value = a.title || '';
    $('f-slug').value = a.slug || '';
    $('f-body').value = a.body || '';
    // The article's excerpt may be derived from the body; only a manual one belongs in the field
    // (manualExcerpt fills it from the latest revision), or a save would freeze the derived one.
    $('f-excerpt').value = '';
    $('f-excerpt').placeholder = a.excerpt || '';
    $('f-tags').value = (a.tags || []).join('، ');
    $('f-source').value = a.source || '';
    $('f-sticky').checked = !!a.sticky;
    $('f-image-url').value = a.featuredImage ? a.featuredImage.url || '' : '';
    $('f-image-alt').value = a.featuredImage ? a.featuredImage.alt || '' : '';
    $('f-publish-at').value = '';
    $('schedule-when').textContent = '';
    $('conflict').hidden = true;
    $('revisions').textContent = '';
    clearErrors();
    showState();
    preview();
  }

  function showState() {
    var a = state.article;
    var status = a ? a.status : null;
    $('state').textContent = !a ? 'نوشتهٔ تازه (ذخیره نشده)'
      : STATUS[status] + (status === 'SCHEDULED' ? ' برای ' + date(a.publishAt) : '')
        + (a.publishedAt ? ' · نخستین انتشار ' + date(a.publishedAt) : '');
    $('state').setAttribute('data-status', status || 'NEW');
    $('publish').hidden = !a || status === 'PUBLISHED';
    $('unpublish').hidden = !a || status !== 'PUBLISHED';
    $('to-draft').hidden = !a || status === 'DRAFT';
    $('schedule').disabled = !a || status === 'PUBLISHED';
    $('show-revisions').disabled = !a;
  }

  function openArticle(id) {
    api('GET', '/api/articles/id/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) { say('این نوشته پیدا نشد.', true); return; }
      $('list-view').hidden = true;
      $('edit-view').hidden = false;
      say('');
      fill(r.json, r.etag);
      manualExcerpt(r.json.id);
    }).catch(function () {});
  }

  /** The latest revision keeps the excerpt as the editor wrote it (null when derived from the body). */
  function manualExcerpt(id) {
    api('GET', '/api/articles/' + id + '/revisions').then(function (r) {
      if (!r.ok || !r.json.length) return null;
      var latest = Math.max.apply(null, r.json.map(function (rev) { return rev.number; }));
      return api('GET', '/api/articles/' + id + '/revisions/' + latest);
    }).then(function (r) {
      if (r && r.ok && state.article && state.article.id === id && !$('f-excerpt').value) {
        $('f-excerpt').value = r.json.excerpt || '';
      }
    }).catch(function () {});
  }

  $('new-article').addEventListener('click', function () {
    $('list-view').hidden = true;
    $('edit-view').hidden = false;
    say('');
    fill(null, null);
    $('f-title').focus();
  });
  $('reload').addEventListener('click', function () { if (state.article) openArticle(state.article.id); });

  function content() {
    var tags = $('f-tags').value.split(/[،,]/).map(function (t) { return t.trim(); }).filter(Boolean);
    var url = $('f-image-url').value.trim();
    return {
      title: $('f-title').value, slug: $('f-slug').value.trim() || null, body: $('f-body').value,
      excerpt: $('f-excerpt').value.trim() || null, tags: tags, source: $('f-source').value.trim() || null,
      sticky: $('f-sticky').checked,
      featuredImage: url ? { url: url, alt: $('f-image-alt').value.trim() } : null,
      categories: state.article ? state.article.categories : []
    };
  }

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (e) { e.textContent = ''; });
  }

  /** Shows a problem+json next to the field it names (from errors[] or "field: …" in detail), in Persian. */
  function showProblem(r) {
    clearErrors();
    if (r.status === 412) {
      say(CHANGED + '. برای دیدن نسخهٔ تازه، نوشته را دوباره بارگذاری کنید.', true);
      $('conflict').hidden = false;
      return;
    }
    var p = r.json || {};
    var fields = (p.errors || []).map(function (e) { return e.field; });
    var named = /^([A-Za-z]+)[.\[:]/.exec(p.detail || '');
    if (!fields.length && named) fields.push(named[1]);
    var shown = false;
    fields.forEach(function (field) {
      var key = field.replace(/[.\[].*$/, '');
      var target = $(key + '-error');
      if (target) {
        target.textContent = fieldMessage(key, r.status);
        shown = true;
      }
    });
    if (r.status === 409) say('این کار در وضعیت کنونی نوشته ممکن نیست یا نشانی تکراری است.', true);
    else if (r.status === 403) say('اجازهٔ این کار را ندارید.', true);
    else if (r.status === 404) say('این نوشته پیدا نشد.', true);
    else say(shown ? 'لطفاً خطاهای فرم را برطرف کنید.' : 'درخواست پذیرفته نشد؛ دوباره بکوشید.', true);
  }

  function fieldMessage(field, status) {
    if (status === 413) return 'متن بیش از اندازهٔ مجاز (۱ مگابایت) است.';
    if (field === 'title') return 'عنوان را بنویسید (حداکثر ۲۵۵ نویسه).';
    if (field === 'body') return 'متن نوشته خالی است.';
    if (field === 'publishAt') return 'زمان انتشار را درست و در آینده انتخاب کنید.';
    return '«' + (FIELDS[field] || field) + '» پذیرفتنی نیست.';
  }

  function accepted(r, message) {
    if (!r.ok) { showProblem(r); return false; }
    clearErrors();
    state.article = r.json;
    state.etag = r.etag;
    $('conflict').hidden = true;
    if (r.json.slug) $('f-slug').value = r.json.slug;
    showState();
    say(message);
    return true;
  }

  $('article-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var a = state.article;
    var request = a ? api('PUT', '/api/articles/' + a.id, content(), state.etag) : api('POST', '/api/articles', content());
    request.then(function (r) { accepted(r, 'ذخیره شد.'); }).catch(function () {});
  });

  function command(path, body, message) {
    if (!state.article) { say('نخست نوشته را ذخیره کنید.', true); return; }
    api('POST', '/api/articles/' + state.article.id + path, body, state.etag)
      .then(function (r) { accepted(r, message); }).catch(function () {});
  }

  $('publish').addEventListener('click', function () { command('/publish', undefined, 'منتشر شد.'); });
  $('unpublish').addEventListener('click', function () { command('/unpublish', undefined, 'از انتشار خارج شد.'); });
  $('to-draft').addEventListener('click', function () { command('/draft', undefined, 'به پیش‌نویس برگشت.'); });
  $('schedule').addEventListener('click', function () {
    var value = $('f-publish-at').value;
    if (!value) { $('publishAt-error').textContent = fieldMessage('publishAt'); return; }
    command('/schedule', { publishAt: new Date(value).toISOString() }, 'برای ' + date(new Date(value).toISOString()) + ' زمان‌بندی شد.');
  });
  $('f-publish-at').addEventListener('input', function () {
    var value = $('f-publish-at').value;
    $('schedule-when').textContent = value ? 'انتشار در ' + date(new Date(value).toISOString()) : '';
  });

  /* ---- live preview ---- */

  function preview() {
    clearTimeout(state.previewTimer);
    state.previewTimer = setTimeout(function () {
      var seq = ++state.previewSeq;
      var format = state.article && state.article.bodyFormat === 'HTML' ? 'HTML' : 'MARKDOWN'; // WordPress imports stay HTML
      api('POST', '/api/editor/preview', { body: $('f-body').value, format: format }).then(function (r) {
        if (seq !== state.previewSeq || !r.ok) return;
        // Sanitized by the same allow-list the save uses; never the raw Markdown.
        $('preview').innerHTML = r.json.bodyHtml;
        $('reading-time').textContent = '(زمان مطالعه: ' + fa(r.json.readingTimeMinutes) + ' دقیقه)';
      }).catch(function () {});
    }, 300);
  }
  $('f-body').addEventListener('input', preview);

  /* ---- revisions ---- */

  $('show-revisions').addEventListener('click', function () {
    if (!state.article) return;
    api('GET', '/api/articles/' + state.article.id + '/revisions').then(function (r) {
      if (!r.ok) { showProblem(r); return; }
      var list = $('revisions');
      list.textContent = '';
      if (!r.json.length) list.appendChild(el('li', 'empty', 'هنوز نسخهٔ پیشینی نیست.'));
      r.json.forEach(function (revision) {
        var li = el('li', 'revision');
        li.setAttribute('data-number', revision.number);
        li.appendChild(el('span', 'number', 'نسخهٔ ' + fa(revision.number)));
        li.appendChild(el('span', 'title', revision.title));
        li.appendChild(el('span', 'date', date(revision.savedAt)));
        li.appendChild(el('span', 'author', revision.savedBy));
        var restore = el('button', 'restore', 'بازگرداندن');
        restore.type = 'button';
        restore.addEventListener('click', function () {
          api('POST', '/api/articles/' + state.article.id + '/revisions/' + revision.number + '/restore', undefined, state.etag)
            .then(function (res) {
              if (!res.ok) { showProblem(res); return; }
              fill(res.json, res.etag);
              manualExcerpt(res.json.id);
              say('نسخهٔ ' + fa(revision.number) + ' بازگردانده شد.');
            }).catch(function () {});
        });
        li.appendChild(restore);
        list.appendChild(li);
      });
    }).catch(function () {});
  });

  /* ---- start ---- */

  /* A signed-in account without the EDITOR role: no desk, a way to sign in as someone else. */
  function denied() {
    $('list-view').hidden = true;
    $('edit-view').hidden = true;
    session.forbidden('میز تحریریه فقط برای دبیران است و حساب «' + session.user() + '» نقش دبیر ندارد.');
  }

  if (session.begin('دبیر')) showList();
}());
