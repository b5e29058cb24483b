// The app's entry and its static imports load as one module graph: when one request of it fails
// (Chromium aborts requests with ERR_NETWORK_CHANGED whenever a container's network interface
// comes or goes on this host; a gateway restart), no code runs and the page stays blank. Reload,
// up to three times with a growing pause; main.tsx clears the count once the app has started.
// A file, not an inline script: the gateway's Content-Security-Policy allows 'self' scripts only.
/* global window, location */
(function () {
  var KEY = 'berth.boot-retries';
  window.addEventListener(
    'error',
    function (event) {
      var script = event.target;
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
