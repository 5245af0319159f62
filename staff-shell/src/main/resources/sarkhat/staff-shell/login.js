/* Sarkhat staff sign-in, the only one: every staff page without a valid token sends its visitor here with
   ?next=<its own address>. Signs in at /api/auth/login (the refresh token comes back as an HttpOnly cookie), keeps
   the access token in sessionStorage where every staff page's session.js looks for it, then goes back. No inline
   code (CSP). */
(function () {
  'use strict';

  var TOKEN = 'sarkhat.staff.token', USER = 'sarkhat.staff.user';
  // The staff pages a sign-in may return to, with the name shown before signing in.
  var PAGES = {
    '/staff': 'مدیریت کارکنان',
    '/moderation': 'میز بررسی دیدگاه‌ها',
    '/editor': 'میز تحریریه',
    '/analytics': 'آمار بازدید'
  };
  // Why the page sent the visitor here (a fixed set: nothing from the address is shown as text).
  var REASONS = {
    expired: 'نشست شما به پایان رسیده یا باطل شده است؛ دوباره وارد شوید.',
    role: 'با حسابی وارد شوید که دسترسی این صفحه را دارد.'
  };
  var $ = function (id) { return document.getElementById(id); };

  /* Only a path on this origin that is one of our staff pages: never an absolute or protocol-relative URL, so the
     page is no open redirect. Anything else goes to /staff. */
  function destination(next) {
    var fallback = { url: '/staff', name: PAGES['/staff'] };
    if (!next || next.charAt(0) !== '/' || next.charAt(1) === '/' || next.charAt(1) === '\\') return fallback;
    var url;
    try { url = new URL(next, location.origin); } catch (e) { return fallback; }
    if (url.origin !== location.origin) return fallback;
    var page = Object.keys(PAGES).filter(function (p) {
      return url.pathname === p || url.pathname.indexOf(p + '/') === 0;
    })[0];
    return page ? { url: url.pathname + url.search + url.hash, name: PAGES[page] } : fallback;
  }

  var params = new URLSearchParams(location.search);
  var target = destination(params.get('next'));
  $('destination').textContent = 'پس از ورود: ' + target.name;
  if (REASONS[params.get('reason')]) $('sign-in-error').textContent = REASONS[params.get('reason')];

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
      sessionStorage.setItem(TOKEN, body.accessToken);
      sessionStorage.setItem(USER, username);
      location.assign(target.url);
    }).catch(function (err) {
      error.textContent = err.message;
      $('password').value = '';
      $('password').focus();
    });
  });

  function fa(n) { return String(n).replace(/[0-9]/g, function (d) { return '۰۱۲۳۴۵۶۷۸۹'[d]; }); }
})();
