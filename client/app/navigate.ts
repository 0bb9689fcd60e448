/**
 * Programmatic navigation: updates the address bar, then asks the router to draw the page.
 * The root element plugs its router in (`navigate.router`).
 */
export function navigate(to: string, opts: { replace?: boolean } = {}) {
  const url = new URL(to, location.origin);
  if (url.pathname + url.search !== location.pathname + location.search) {
    if (opts.replace) history.replaceState({}, '', url);
    else history.pushState({}, '', url);
  }
  void navigate.router?.(url.pathname);
}
navigate.router = undefined as undefined | ((path: string) => Promise<void>);
