// Registers adscore's service worker (dist/sw.js, made from pwa/sw.js at build time) and says so
// in a small banner when a new version has been downloaded. It never reloads the page by itself:
// a clinician may be in the middle of an examination. The new version is used the next time
// adscore is opened, or at once if the user presses "Reload now" (the draft survives a reload).
// URLs are relative to this script, so the app works from any sub-path of a host.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return; // e.g. plain http on a non-local host
  const here = document.currentScript.src;
  const workerUrl = new URL('sw.js', here).href;
  const scope = new URL('./', here).href;
  const container = navigator.serviceWorker;

  // Debug builds (trunk serve) carry this marker: no offline copy while developing.
  if (document.querySelector('meta[name="adscore-service-worker"][content="off"]')) {
    container.getRegistration(scope).then((r) => r && r.scope === scope && r.unregister());
    return;
  }

  // The banner's words, in the page's language (the app writes <html lang> when it changes).
  // This script runs before the app and apart from it, so it keeps its own few words.
  const WORDS = {
    en: { text: 'A new version is ready — it will be used next time you open adscore.', now: 'Reload now', later: 'Later' },
    ko: { text: '새 버전이 준비되었습니다. 다음에 adscore를 열 때 적용됩니다.', now: '지금 새로 고침', later: '나중에' },
  };
  const words = () => WORDS[(document.documentElement.lang || 'en').slice(0, 2)] || WORDS.en;
  // While the patient holds the device (the clinician's hand-over, #handed), the banner waits:
  // it is the clinician's to act on, and it would cover the patient's question.
  const handed = () => location.hash === '#handed';

  let reloadAsked = false;
  container.addEventListener('controllerchange', () => {
    if (reloadAsked) location.reload();
  });

  function start() {
    container.register(workerUrl, { scope }).then(watch, (error) => {
      console.warn('adscore: offline use is not available here:', error);
    });
  }

  function watch(registration) {
    if (!registration) return; // e.g. a browser set to block service workers
    // A version downloaded during an earlier visit, still waiting for the old one's pages.
    if (registration.waiting && container.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        // No controller means this was the first install, not an update.
        if (worker.state === 'installed' && container.controller) offer(worker);
      });
    });
    // A tablet may keep adscore open for days: look for a new version when it comes back.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }

  function offer(worker) {
    if (document.getElementById('adscore-update')) return;
    const bar = document.createElement('div');
    bar.id = 'adscore-update';
    bar.className = 'update';
    bar.setAttribute('role', 'status');
    // First in the page and in its flow (not over it): first in Tab order, and it never covers
    // the control that has the focus.
    document.body.prepend(bar);
    // The app clears <body> when it mounts, which may come after this on a slow start: put the
    // banner back until the user dismisses it.
    const keep = new MutationObserver(() => { if (!bar.isConnected) document.body.prepend(bar); });
    keep.observe(document.body, { childList: true });
    const text = document.createElement('p');
    text.className = 'update__text';
    const now = button('update__button', () => {
      reloadAsked = true;
      if (worker.state === 'installed') worker.postMessage({ type: 'skip-waiting' });
      else location.reload(); // another tab has already switched to the new version
    });
    const later = button('update__button update__button--quiet', () => {
      keep.disconnect();
      language.disconnect();
      removeEventListener('hashchange', place);
      bar.remove();
    });
    const say = () => {
      const w = words();
      text.textContent = w.text;
      now.textContent = w.now;
      later.textContent = w.later;
      bar.lang = document.documentElement.lang || 'en';
    };
    const place = () => { bar.hidden = handed(); };
    say();
    place();
    const language = new MutationObserver(say);
    language.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    addEventListener('hashchange', place);
    // Filled after the live region exists, so that screen readers announce it.
    requestAnimationFrame(() => bar.append(text, now, later));
  }

  function button(className, onclick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.addEventListener('click', onclick);
    return b;
  }

  // After the page has loaded and the app has drawn its first screen: installing downloads every
  // file of the build (the history module too), which on a slow tablet would otherwise compete
  // with the app's start for the processor.
  function whenIdle() {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  }
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
})();
