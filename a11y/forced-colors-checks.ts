import type { Page } from '@playwright/test';
import { installPageWalk, type WithWalk } from './page-walk.ts';

/**
 * What stays visible under forced colours, `prefers-contrast: more` and reduced motion, measured in
 * the page through every open shadow root (test/e2e/forced-colors.spec.ts).
 */
export interface VisibilityReport {
  /** Inputs, selects and buttons with no visible border (style none or width 0). */
  borderless: string[];
  /** Under forced colours: borders or text whose colour is not one of the system colours. */
  notSystemColour: string[];
  /** Selected tabs told from the others by their background alone. */
  tabsByBackgroundOnly: string[];
  /** Status markers (pending, refused, offline) with no border and no text of their own. */
  silentMarkers: string[];
  /** Disabled controls whose text is not GrayText under forced colours. */
  disabledNotGray: string[];
  /** Animations or transitions longer than 0.01 s. */
  moving: string[];
  /** How many controls were looked at (a check over nothing proves nothing). */
  controls: number;
}

export async function measureVisibility(page: Page, forced: boolean): Promise<VisibilityReport> {
  await installPageWalk(page);
  return page.evaluate((forced) => {
    const { all: walk } = (window as unknown as WithWalk).poWalk;
    const all = walk();
    const describe = (el: Element) => (window as unknown as WithWalk).poWalk.describe(el);
    // The system colours as this browser resolves them now (they change with the forced palette).
    const probe = document.createElement('span');
    document.body.append(probe);
    const resolve = (name: string) => {
      probe.style.color = name;
      return getComputedStyle(probe).color;
    };
    const system = new Set(
      ['Canvas', 'CanvasText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Highlight', 'HighlightText', 'SelectedItem', 'SelectedItemText', 'Mark', 'MarkText', 'GrayText', 'AccentColor', 'AccentColorText'].map(resolve),
    );
    const gray = resolve('GrayText');
    probe.remove();
    const seconds = (list: string) => Math.max(0, ...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v) || 0)));

    const report = { borderless: [] as string[], notSystemColour: [] as string[], tabsByBackgroundOnly: [] as string[], silentMarkers: [] as string[], disabledNotGray: [] as string[], moving: [] as string[], controls: 0 };
    for (const el of all) {
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const style = getComputedStyle(el);
      if (seconds(style.transitionDuration) > 0.01 && style.transitionProperty !== 'none') report.moving.push(`${describe(el)} transition ${style.transitionDuration}`);
      if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) report.moving.push(`${describe(el)} animation ${style.animationDuration}`);
      const control = el.matches('input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), select, textarea, button');
      if (control) {
        report.controls++;
        const widths = [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth].map(parseFloat);
        if (style.borderTopStyle === 'none' || Math.max(...widths) < 1) report.borderless.push(describe(el));
        else if (forced && !system.has(style.borderTopColor) && !system.has(style.borderBottomColor)) report.notSystemColour.push(`${describe(el)} border ${style.borderTopColor}`);
        if (forced && !system.has(style.color)) report.notSystemColour.push(`${describe(el)} text ${style.color}`);
        const disabled = el.matches(':disabled, [aria-disabled="true"]');
        if (forced && disabled && style.color !== gray) report.disabledNotGray.push(describe(el));
      }
      if (el.matches('[role=tab][aria-selected=true]')) {
        const other = el.parentElement?.querySelector('[role=tab][aria-selected=false]');
        if (other) {
          const o = getComputedStyle(other);
          const keys = ['fontWeight', 'borderBottomWidth', 'borderTopWidth', 'borderTopColor', 'textDecorationLine', 'outlineStyle', 'boxShadow'] as const;
          if (keys.every((k) => style[k] === o[k])) report.tabsByBackgroundOnly.push(describe(el));
        }
      }
      if (el.matches('.marker, .status-offline, [data-status-marker]')) {
        const bordered = ['Top', 'Right', 'Bottom', 'Left'].some((side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1);
        if (!bordered && !el.textContent?.trim()) report.silentMarkers.push(describe(el));
      }
    }
    return report;
  }, forced);
}

/** The focused element through shadow roots, and whether its focus indicator is drawn. */
export async function focusIndicator(page: Page): Promise<{ element: string; outline: string; boxShadow: string } | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    return { element: `${active.localName} «${active.textContent?.trim().slice(0, 30) ?? ''}»`, outline, boxShadow: style.boxShadow };
  });
}
