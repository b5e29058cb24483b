// The app's entry and its static imports load as one module graph: when one request of it fails
// (Chromium aborts requests with ERR_NETWORK_CHANGED whenever a container's network interface
// comes or goes on this host; a gateway restart), no code runs and the page stays blank. Reload,
// up to three times with a growing pause; main.tsx clears the count once the app has started.
// The entry's stylesheet failing the same way would leave the app running unstyled (a terminal
// cannot even measure its rows): it is added again, up to three times.
// A file, not an inline script: the gateway's Content-Security-Policy allows 'self' scripts only.
/* global window, location */
(function () {
  var KEY = 'berth.boot-retries';
  function retryStylesheet(link) {
    var attempt = Number(link.getAttribute('data-retry') || '0') + 1;
    if (attempt > 3) return;
    window.setTimeout(function () {
      var again = link.cloneNode();
      again.setAttribute('data-retry', String(attempt));
      link.replaceWith(again);
    }, 300 * attempt);
  }
  window.addEventListener(
    'error',
    function (event) {
      var script = event.target;
      if (script && script.tagName === 'LINK' && script.rel === 'stylesheet') {
        retryStylesheet(script);
        return;
      }
      if (!script || script.tagName !== 'SCRIPT' || script.type !== 'module') return;
      var tries = 0;
      try {
        tries = Number(sessionStorage.getItem(KEY) || '0');
        if (tries >= 3) return;
        sessionStorage.setItem(KEY, String(tries + 1));
      } catch {
        return; // no session storage to count in: no reload loop either
      }
      window.setTimeout(
        function () {
          location.reload();
        },
        300 * (tries + 1),
      );
    },
    true,
  );
})();
