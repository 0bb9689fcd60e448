import type { Page } from '@playwright/test';
import { installPageWalk, type WithWalk } from './page-walk.ts';

export interface TargetOffender {
  selector: string;
  width: number;
  height: number;
}

/**
 * Target sizes, measured by us: axe's `target-size` stops at WCAG 2.5.8's 24 px, whereas the
 * accessibility mode promises 44 × 44 CSS px (WCAG 2.5.5, AAA). Every visible interactive element
 * (links, buttons, inputs, selects, summary, widget roles, tabindex ≥ 0), walking open shadow
 * roots, must have a bounding box at least `minimum` wide and high. A form control counts with its
 * largest label, since a click on the label activates it. In normal mode (`inlineLinksExempt`) WCAG
 * 2.5.8's exceptions apply: a link inside a sentence, and a small target with room around it
 * (spacing); the mode promises 44 px to every target, links in a sentence included.
 */
export async function undersizedTargets(page: Page, minimum: number, inlineLinksExempt: boolean): Promise<TargetOffender[]> {
  await installPageWalk(page);
  return page.evaluate(
    ({ minimum, inlineLinksExempt }) => {
      const INTERACTIVE =
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [role=menuitem], [tabindex]:not([tabindex^="-"])';
      const { all, describe } = (window as unknown as WithWalk).poWalk;
      const found = all().filter((el) => el.matches(INTERACTIVE));

      /** A link in running text: its block has words of its own besides the link's. */
      const inSentence = (el: Element) => {
        if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') return false;
        const block = el.parentElement;
        if (!block) return false;
        const own = (block.textContent ?? '').replace(el.textContent ?? '', '').trim();
        return own.length > 0;
      };

      const targets: Array<{ el: Element; box: DOMRect; width: number; height: number }> = [];
      for (const el of new Set(found)) {
        if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        if ((el as HTMLElement).inert || el.closest('[inert]')) continue;
        const boxes = [el.getBoundingClientRect()];
        const labels = (el as HTMLInputElement).labels;
        if (labels) for (const label of labels) boxes.push(label.getBoundingClientRect());
        const width = Math.max(...boxes.map((b) => b.width));
        const height = Math.max(...boxes.map((b) => b.height));
        if (width === 0 || height === 0) continue;
        targets.push({ el, box: boxes[0], width, height });
      }
      // Half a pixel of rounding is not a defect.
      const small = (t: (typeof targets)[number]) => t.width + 0.5 < minimum || t.height + 0.5 < minimum;
      const centre = (b: DOMRect) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
      /** Distance from a point to a box (0 inside it). */
      const reach = (p: { x: number; y: number }, b: DOMRect) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
      /**
       * WCAG 2.5.8's spacing exception (normal mode only): a small target passes if a circle of the
       * minimum's diameter on its centre meets no other target nor another small target's circle.
       */
      const spaced = (t: (typeof targets)[number]) => {
        const c = centre(t.box);
        return targets.every((o) => {
          if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return true;
          if (small(o)) {
            const d = centre(o.box);
            return Math.hypot(c.x - d.x, c.y - d.y) >= minimum;
          }
          return reach(c, o.box) >= minimum / 2;
        });
      };
      return targets
        .filter((t) => small(t) && !(inlineLinksExempt && (inSentence(t.el) || spaced(t))))
        .map((t) => ({ selector: describe(t.el), width: Math.round(t.width), height: Math.round(t.height) }));
    },
    { minimum, inlineLinksExempt },
  );
}
