/* Sarkhat page beacon: reports this page view and its visible time. No cookies, no storage.
   The gateway put the view's id in Server-Timing (pv;desc="..."), so this report and the gateway's count once. */
(function () {
  'use strict';
  var d = document, n = navigator, endpoint = '/api/analytics/events';
  if (n.webdriver) { return; }
  function pageviewId() {
    var nav = window.performance && performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    var timings = (nav && nav.serverTiming) || [];
    for (var i = 0; i < timings.length; i++) {
      if (timings[i].name === 'pv' && timings[i].description) { return timings[i].description; }
    }
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : null;
  }
  var id = pageviewId();
  function send(event) {
    event.pageviewId = id;
    event.url = location.href;
    var body = JSON.stringify(event);
    if (n.sendBeacon && n.sendBeacon(endpoint, new Blob([body], { type: 'application/json' }))) { return; }
    if (window.fetch) {
      fetch(endpoint, { method: 'POST', body: body, keepalive: true, credentials: 'omit',
        headers: { 'Content-Type': 'application/json' } })['catch'](function () {});
    }
  }
  send({ type: 'pageview', referrer: d.referrer || null, screenWidth: window.innerWidth });
  var visible = 0, since = d.visibilityState === 'visible' ? Date.now() : 0;
  d.addEventListener('visibilitychange', function () {
    if (d.visibilityState === 'hidden') {
      if (since) { visible += Date.now() - since; since = 0; }
      send({ type: 'engagement', engagedMs: visible });
    } else {
      since = Date.now();
    }
  });
})();
