/* Sarkhat staff management (ADMIN). The page is a shell; this script drives /api/admin/staff with the access token
   from sessionStorage, renews it once from the HttpOnly refresh cookie when it is missing or expired, and otherwise
   sends the user to /login. No inline code (CSP); text via textContent only. */
(function () {
  'use strict';

  var TOKEN = 'sarkhat.staff.token', USER = 'sarkhat.staff.user';
  var ROLES = { EDITOR: 'دبیر', MODERATOR: 'ناظر دیدگاه‌ها', ADMIN: 'مدیر' };
  var DATE = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tehran' });
  var $ = function (id) { return document.getElementById(id); };

  function say(text, isError) {
    var m = $('message');
    m.textContent = text;
    m.className = 'message' + (isError ? ' error' : '');
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function toLogin() { location.assign('/login?next=/staff'); }

  function renew() {
    return fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('signed-out');
        return r.json();
      }).then(function (body) { sessionStorage.setItem(TOKEN, body.accessToken); return body.accessToken; });
  }

  /* Calls the API with the token; on 401 renews once and retries; a second 401 means sign in again. */
  function api(method, path, body, retried) {
    var token = sessionStorage.getItem(TOKEN);
    var ready = token ? Promise.resolve(token) : renew();
    return ready.then(function (t) {
      var headers = { Accept: 'application/json', Authorization: 'Bearer ' + t };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }).then(function (r) {
      if (r.status === 401 && !retried) {
        sessionStorage.removeItem(TOKEN);
        return api(method, path, body, true);
      }
      if (r.status === 401) throw new Error('signed-out');
      if (r.status === 204) return null;
      return r.json().then(function (json) {
        if (!r.ok) throw new Error(json.detail || 'درخواست انجام نشد.');
        return json;
      });
    });
  }

  function failed(err) {
    if (err.message === 'signed-out') { toLogin(); return; }
    say(err.message, true);
  }

  function row(account) {
    var tr = el('tr');
    tr.setAttribute('data-username', account.username);
    tr.appendChild(el('td', 'username', account.username));

    var roles = el('td', 'roles');
    Object.keys(ROLES).forEach(function (role) {
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.value = role;
      box.checked = account.roles.indexOf(role) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + ROLES[role]));
      roles.appendChild(label);
    });
    var saveRoles = el('button', 'save-roles', 'ذخیرهٔ نقش‌ها');
    saveRoles.type = 'button';
    saveRoles.addEventListener('click', function () {
      var chosen = Array.prototype.filter.call(roles.querySelectorAll('input'), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      api('PUT', '/api/admin/staff/' + encodeURIComponent(account.username) + '/roles', { roles: chosen })
        .then(function () { say('نقش‌های ' + account.username + ' ذخیره شد.'); load(); }).catch(failed);
    });
    roles.appendChild(saveRoles);
    tr.appendChild(roles);

    var state = el('td', 'state');
    state.appendChild(el('span', account.enabled ? 'on' : 'off', account.enabled ? 'فعال' : 'غیرفعال'));
    var toggle = el('button', 'toggle', account.enabled ? 'غیرفعال کن' : 'فعال کن');
    toggle.type = 'button';
    toggle.addEventListener('click', function () {
      api('PUT', '/api/admin/staff/' + encodeURIComponent(account.username) + '/enabled', { enabled: !account.enabled })
        .then(function () { say(account.username + (account.enabled ? ' غیرفعال شد.' : ' فعال شد.')); load(); })
        .catch(failed);
    });
    state.appendChild(toggle);
    tr.appendChild(state);

    tr.appendChild(el('td', 'created', account.createdAt ? DATE.format(new Date(account.createdAt)) : ''));

    var reset = el('td', 'reset');
    var password = el('input');
    password.type = 'password';
    password.dir = 'ltr';
    password.autocomplete = 'new-password';
    password.setAttribute('aria-label', 'گذرواژهٔ تازه برای ' + account.username);
    var set = el('button', 'set-password', 'تعیین');
    set.type = 'button';
    set.addEventListener('click', function () {
      api('PUT', '/api/admin/staff/' + encodeURIComponent(account.username) + '/password', { password: password.value })
        .then(function () { password.value = ''; say('گذرواژهٔ ' + account.username + ' عوض شد و نشست‌هایش بسته شد.'); })
        .catch(failed);
    });
    reset.appendChild(password);
    reset.appendChild(set);
    tr.appendChild(reset);
    return tr;
  }

  function load() {
    return api('GET', '/api/admin/staff').then(function (accounts) {
      var body = $('accounts');
      body.textContent = '';
      accounts.forEach(function (a) { body.appendChild(row(a)); });
      $('app').hidden = false;
      $('who').hidden = false;
      $('who-name').textContent = 'مدیر: ' + (sessionStorage.getItem(USER) || '');
    });
  }

  $('create').addEventListener('submit', function (e) {
    e.preventDefault();
    var roles = Array.prototype.filter.call(document.querySelectorAll('input[name="new-role"]'), function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    api('POST', '/api/admin/staff', { username: $('new-username').value.trim(), password: $('new-password').value, roles: roles })
      .then(function (created) {
        say('حساب ' + created.username + ' ساخته شد.');
        $('create').reset();
        return load();
      }).catch(failed);
  });

  $('rotate').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/api/admin/keys/rotate').then(function () { say('کلید تازه ساخته و منتشر شد.'); }).catch(failed);
  });

  $('sign-out').addEventListener('click', function () {
    fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).finally(function () {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(USER);
      toLogin();
    });
  });

  load().catch(failed);
})();
