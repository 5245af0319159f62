/* Sarkhat staff session, shared by every staff page (editor desk, moderation console, analytics dashboard).
   The gateway's /login page signs in and leaves the access token in sessionStorage; this script reads it. A page
   without a token (or whose token the API no longer accepts) goes to /login with its own address as the return
   target, and comes back signed in. A token without the page's role gets a message and a link to sign in as
   someone else, never an automatic redirect (that would loop). No inline code (CSP); text via textContent. */
(function () {
  'use strict';

  var TOKEN = 'sarkhat.staff.token', USER = 'sarkhat.staff.user';

  function here() { return location.pathname + location.search + location.hash; }
  function loginUrl(reason) {
    return '/login?next=' + encodeURIComponent(here()) + (reason ? '&reason=' + reason : '');
  }
  function forget() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  }

  window.SarkhatStaff = {
    token: function () { return sessionStorage.getItem(TOKEN); },
    user: function () { return sessionStorage.getItem(USER) || ''; },

    /** Signed in: shows «role: user» in #who and wires #sign-out, returns true. Else goes to /login (false). */
    begin: function (role) {
      if (!this.token()) { location.replace(loginUrl()); return false; }
      var who = document.getElementById('who');
      document.getElementById('who-name').textContent = role + ': ' + this.user();
      who.hidden = false;
      document.getElementById('sign-out').addEventListener('click', this.signOut);
      return true;
    },

    /** The API answered 401: the token expired or was revoked. Sign in again and come back here. */
    expired: function () {
      forget();
      location.replace(loginUrl('expired'));
    },

    /** Ends the session at the gateway (the refresh cookie) and here, then shows the sign-in page. */
    signOut: function () {
      var done = function () { forget(); location.assign('/login?next=' + encodeURIComponent(location.pathname)); };
      fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).then(done, done);
    },

    /** The API answered 403: this account lacks the page's role. Says so, with a way to sign in as someone else. */
    forbidden: function (text) {
      var box = document.getElementById('staff-denied');
      if (!box) {
        box = document.createElement('p');
        box.id = 'staff-denied';
        box.className = 'denied';
        box.setAttribute('role', 'alert');
        var top = document.querySelector('main > .top');
        top.parentNode.insertBefore(box, top.nextSibling);
      }
      box.textContent = text + ' ';
      var link = document.createElement('a');
      link.href = loginUrl('role');
      link.textContent = 'ورود با حساب دیگری';
      box.appendChild(link);
    }
  };
}());
