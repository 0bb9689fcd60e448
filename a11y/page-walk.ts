import type { Page } from '@playwright/test';

/** What `installPageWalk` puts in the page, for the checks' `page.evaluate` callbacks. */
export interface PageWalk {
  /** Every element of the document and of every open shadow root, in document order. */
  all(): Element[];
  /** A readable path: shadow hosts joined by ` >>> `, then tag#id.class «start of its text». */
  describe(el: Element): string;
}

/**
 * Installs `window.poWalk` in the page (once per document): the checks (target sizes, layout,
 * forced colours) run in the page, where a function cannot be imported, and all of them need to
 * walk into shadow roots, where every Portée component draws, and to name what they found.
 */
export async function installPageWalk(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { poWalk?: PageWalk };
    if (w.poWalk) return;
    w.poWalk = {
      all() {
        const found: Element[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            found.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return found;
      },
      describe(el) {
        const hosts: string[] = [];
        let root = el.getRootNode();
        while (root instanceof ShadowRoot) {
          hosts.unshift(root.host.localName);
          root = root.host.getRootNode();
        }
        const cls = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
        const text = el.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30);
        return [...hosts, `${el.localName}${el.id ? `#${el.id}` : ''}${cls}${text ? ` «${text}»` : ''}`].join(' >>> ');
      },
    };
  });
}

/** The page's walk, inside a `page.evaluate` callback (after `installPageWalk`). */
export type WithWalk = { poWalk: PageWalk };
