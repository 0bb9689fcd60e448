import type { Page } from '@playwright/test';
import { installPageWalk, type WithWalk } from './page-walk.ts';

/**
 * Layout measurements for the reflow tests (test/e2e/reflow.spec.ts), run in the page and walking
 * open shadow roots, where every Portée component draws its content.
 */

/** WCAG 1.4.12's text spacing, as a user style sheet would impose it. */
export const TEXT_SPACING_CSS = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p {
    margin-block-end: 2em !important;
  }
`;

/** Injects the text spacing into the document and into every shadow root (a style sheet does not cross them). */
export async function applyTextSpacing(page: Page) {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const walk = (root: Document | ShadowRoot) => {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
  }, TEXT_SPACING_CSS);
  // Two frames: the styles apply and the layout settles.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export interface LayoutReport {
  /** How far the page is wider than the window (0 when it fits). */
  overflow: number;
  /** The widest elements past the window's right edge, to say where to look. */
  wide: string[];
  /** Scrolling boxes that are not a focusable, labelled region (role=region, aria-label, tabindex=0). */
  unlabelledScrollers: string[];
  /** Text containers that hide overflow and whose text does not fit (clipped). */
  clipped: string[];
}

export async function measureLayout(page: Page): Promise<LayoutReport> {
  await installPageWalk(page);
  return page.evaluate(() => {
    const { describe } = (window as unknown as WithWalk).poWalk;
    const all = (window as unknown as WithWalk).poWalk.all();
    /** Visually hidden text (1 px, clipped on purpose for screen readers) is not a loss. */
    const visuallyHidden = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
        const style = getComputedStyle(e);
        if (style.clipPath.startsWith('inset(50%') || (e.clientWidth <= 1 && e.clientHeight <= 1 && style.position === 'absolute')) return true;
      }
      return false;
    };
    const width = window.innerWidth;
    const overflow = Math.max(0, document.documentElement.scrollWidth - width);
    const wide: string[] = [];
    const unlabelledScrollers: string[] = [];
    const clipped: string[] = [];
    for (const el of all) {
      if (!el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (overflow && box.right > width + 1 && box.width > 0 && !visuallyHidden(el)) wide.push(`${describe(el)} (${Math.round(box.right - width)} px)`);
      const scrollsX = ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (scrollsX && el !== document.documentElement && el !== document.body) {
        const labelled = el.getAttribute('role') === 'region' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) && el.getAttribute('tabindex') === '0';
        if (!labelled) unlabelledScrollers.push(describe(el));
      }
      const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      if (hides && el.textContent?.trim() && !visuallyHidden(el)) {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) clipped.push(`${describe(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    // The deepest elements say most: keep those whose descendants are not listed too.
    return { overflow, wide: wide.slice(-8), unlabelledScrollers, clipped };
  });
}
