// Sets the theme before first paint so a dark page never flashes white. A file, not an inline
// script: the gateway's Content-Security-Policy allows scripts from 'self' only.
/* global window, document */
(function () {
  var stored = null;
  try {
    stored = localStorage.getItem('berth.theme');
  } catch {
    // private mode: follow the system
  }
  var dark =
    stored === 'dark' ||
    (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
