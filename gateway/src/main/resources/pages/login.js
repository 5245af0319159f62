/* Sarkhat staff sign-in. Signs in at /api/auth/login (the refresh token comes back as an HttpOnly cookie), keeps the
   access token in sessionStorage where the destination page looks for it, then goes there. No inline code (CSP). */
(function () {
  'use strict';

  // Each staff page and the sessionStorage keys it reads its token from.
  var PAGES = {
    '/staff': { name: 'مدیریت کارکنان', token: 'sarkhat.staff.token', user: 'sarkhat.staff.user' },
    '/moderation': { name: 'میز بررسی دیدگاه‌ها', token: 'sarkhat.console.token', user: 'sarkhat.console.user' },
    '/editor': { name: 'میز تحریریه', token: 'sarkhat.editor.token', user: 'sarkhat.editor.user' }
  };
  var $ = function (id) { return document.getElementById(id); };

  /* Only our own staff pages: never an absolute or protocol-relative URL (no open redirect). */
  function destination() {
    var next = new URLSearchParams(location.search).get('next') || '/staff';
    var path = next.split(/[?#]/)[0];
    var page = Object.keys(PAGES).filter(function (p) { return path === p || path.indexOf(p + '/') === 0; })[0];
    if (!page || next.charAt(0) !== '/' || next.charAt(1) === '/' || next.charAt(1) === '\\') {
      return { url: '/staff', page: PAGES['/staff'] };
    }
    return { url: next, page: PAGES[page] };
  }

  var target = destination();
  $('destination').textContent = 'پس از ورود: ' + target.page.name;

  $('sign-in-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var username = $('username').value.trim(), password = $('password').value, error = $('sign-in-error');
    if (!username || !password) { error.textContent = 'نام کاربری و گذرواژه را بنویسید.'; return; }
    error.textContent = 'در حال ورود…';
    fetch('/api/auth/login', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: username, password: password })
    }).then(function (r) {
      if (r.status === 401 || r.status === 400) throw new Error('نام کاربری یا گذرواژه درست نیست.');
      if (r.status === 429) {
        var wait = r.headers.get('Retry-After');
        throw new Error('تلاش‌های ناموفق زیاد بود؛ ' + (wait ? fa(Math.ceil(wait / 60)) + ' دقیقهٔ دیگر' : 'کمی بعد')
          + ' دوباره امتحان کنید.');
      }
      if (!r.ok) throw new Error('ورود انجام نشد؛ دوباره تلاش کنید.');
      return r.json();
    }).then(function (body) {
      sessionStorage.setItem(target.page.token, body.accessToken);
      sessionStorage.setItem(target.page.user, username);
      location.assign(target.url);
    }).catch(function (err) {
      error.textContent = err.message;
      $('password').value = '';
      $('password').focus();
    });
  });

  function fa(n) { return String(n).replace(/[0-9]/g, function (d) { return '۰۱۲۳۴۵۶۷۸۹'[d]; }); }
})();
