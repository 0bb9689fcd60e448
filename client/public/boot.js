/*
 * Runs before the first paint (a classic script in <head>, a few hundred bytes): the page painted
 * from the HTML takes the person's accessibility mode and language at once, instead of switching
 * when the app has loaded (a flash, and a layout shift). It also says which of the HTML's two
 * first screens to show: the sign-in page, or the shell with "Chargement…" for an account that
 * was signed in on this device or a page that is not public (and then starts intl-warm.js and
 * asks for the session).
 */
(function () {
  var root = document.documentElement;
  try {
    if (localStorage.getItem('portee.a11yMode') === '1') root.classList.add('a11y-mode');
    if (localStorage.getItem('portee.locale') === 'en') root.lang = 'en';
    var publicPage = /^\/(connexion|mot-de-passe-perdu|preinscription|accessibilite|confidentialite)(\/|$)/.test(location.pathname);
    var signedIn = !!localStorage.getItem('portee.session');
    root.setAttribute('data-boot', location.pathname === '/connexion' && !signedIn ? 'sign-in' : publicPage || signedIn || location.pathname !== '/' ? 'app' : 'sign-in');
  } catch (e) {
    // Storage refused (private mode settings): the defaults of the HTML stay.
  }
  // The app's shell (any page but a signed-out sign-in): ICU loads in a worker (i18n/warm-formatters.ts).
  if (root.getAttribute('data-boot') === 'app') {
    // Who is signed in, asked now rather than once the modules have arrived and run: one round
    // trip less before a screen behind sign-in can render. The app's first GET /api/session takes
    // this answer (client/api/http.ts), with the same handling as its own requests.
    // With when it was asked and the session this device then knew: the app drops an answer
    // older than a few seconds or one from before another tab signed in or out.
    if (window.fetch) {
      var known = null;
      try {
        known = localStorage.getItem('portee.session');
      } catch (e) {
        // Storage refused: compared as null on both sides.
      }
      var answer = fetch('/api/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      // Taken by the app, which handles a failure; this keeps the console quiet if it never is.
      answer.catch(function () {});
      window.porteeSession = { answer: answer, at: Date.now(), known: known };
    }
    try {
      root.setAttribute('data-intl-warm', '');
      new Worker('/intl-warm.js').postMessage(root.lang);
    } catch (e) {
      // No worker: the page's first formatter loads ICU itself.
    }
  }
})();
