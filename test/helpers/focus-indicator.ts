import { expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';

/**
 * The focus indicator of the focused element (through shadow roots: document.activeElement →
 * shadowRoot.activeElement…), as WCAG 2.4.7 / 2.4.11 / 1.4.11 see it: a computed outline or
 * box-shadow that is not none, whose colour has a contrast of at least 3:1 against the background
 * behind it. Same idea as `focusIndicator` in a11y/forced-colors-checks.ts, plus the contrast.
 */
export interface FocusIndicator {
  /** What has the focus: tag, role, name-ish text. */
  element: string;
  tag: string;
  role: string;
  text: string;
  /** "solid 3px rgba(…)" or "none". */
  outline: string;
  boxShadow: string;
  /** The colour measured (the outline's, else the box-shadow's) and the background it is drawn on. */
  indicatorColour: string;
  background: string;
  /** WCAG contrast ratio between the two (1 to 21); 0 when there is no indicator. */
  contrast: number;
  /**
   * Chromium's date/time inputs have one more Tab stop, their calendar button, inside the
   * browser's own (closed) shadow root: the input no longer matches :focus there, so its author
   * outline goes, and the browser draws its default two-tone ring around the button, which no
   * computed style outside can read. Such a stop is reported here, not measured.
   */
  pickerButton: boolean;
}

/** Measures the focused element's indicator, or null when nothing (or <body>) has the focus. */
export async function measureFocusIndicator(page: Page): Promise<FocusIndicator | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body || active === document.documentElement) return null;

    // Any CSS colour (rgb, oklch, color(srgb …), named…) to [r, g, b, a] through a 1×1 canvas.
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (colour: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])) as [number, number, number];
    const luminance = ([r, g, b]: [number, number, number]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrastOf = (a: [number, number, number], b: [number, number, number]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    // The visual parent: the slot an element is assigned to, its parent, or its shadow host.
    const parentOf = (el: Element): Element | null =>
      el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    // The background behind `from`: the backgrounds of it and its ancestors composited, down to the
    // first opaque one (the canvas, white, if none is).
    const backgroundFrom = (from: Element | null): [number, number, number] => {
      const layers: [number, number, number, number][] = [];
      for (let el = from; el; el = parentOf(el)) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let colour: [number, number, number] = [255, 255, 255];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };

    const pickerButton = active instanceof HTMLInputElement && /^(date|time|datetime-local|month|week)$/.test(active.type) && !active.matches(':focus');
    const style = getComputedStyle(active);
    const outlineColour = rgba(style.outlineColor);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && outlineColour[3] > 0;
    const hasShadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    // An outline drawn outside the box (offset ≥ 0) or an outer shadow sits on the parent's
    // background; an inset one on the element's own.
    const inset = hasOutline ? parseFloat(style.outlineOffset) < -parseFloat(style.outlineWidth) / 2 : /\binset\b/.test(style.boxShadow);
    const background = backgroundFrom(inset ? active : parentOf(active));
    let indicator: [number, number, number, number] | null = null;
    if (hasOutline) indicator = outlineColour;
    else if (hasShadow) {
      const first = /(rgba?\([^)]*\)|oklch\([^)]*\)|color\([^)]*\)|#[0-9a-f]{3,8})/i.exec(style.boxShadow);
      if (first) indicator = rgba(first[1]);
    }
    const contrast = indicator ? contrastOf(over(indicator, background), background) : 0;
    const role = active.getAttribute('role') ?? '';
    const text = (active.getAttribute('aria-label') ?? active.textContent ?? (active as HTMLInputElement).value ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return {
      element: `${active.localName}${role ? `[role=${role}]` : ''}${active.id ? `#${active.id}` : ''} «${text}»`,
      tag: active.localName,
      role,
      text,
      outline: hasOutline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none',
      boxShadow: style.boxShadow,
      indicatorColour: indicator ? `rgba(${indicator.join(', ')})` : 'none',
      background: `rgb(${background.map(Math.round).join(', ')})`,
      contrast: Math.round(contrast * 100) / 100,
      pickerButton,
    };
  });
}

/**
 * Asserts the focused element shows a focus indicator (outline or box-shadow not none) whose
 * contrast against the background behind it is at least 3:1. Polls briefly (a transition may be
 * under way). Returns the measure.
 */
export async function expectVisibleFocus(page: Page, step = '', { except }: { except?: (f: FocusIndicator) => boolean } = {}): Promise<FocusIndicator> {
  let last: FocusIndicator | null = null;
  await expect
    .poll(
      async () => {
        last = await measureFocusIndicator(page);
        return focusProblem(last, except) ?? 'ok';
      },
      { message: `visible focus indicator${step ? ` (${step})` : ''}`, timeout: 2_000 },
    )
    .toBe('ok');
  return last!;
}

/** What is wrong with a measure (null when it passes): nothing focused, no indicator, under 3:1. */
export function focusProblem(f: FocusIndicator | null, except?: (f: FocusIndicator) => boolean): string | null {
  if (!f) return 'nothing focused';
  if (f.pickerButton || except?.(f)) return null;
  if (f.outline === 'none' && f.boxShadow === 'none') return `${f.element}: no outline, no box-shadow`;
  if (f.contrast < 3) return `${f.element}: indicator ${f.indicatorColour} on ${f.background}, contrast ${f.contrast}:1 < 3:1`;
  return null;
}

/**
 * Presses `key` (Tab by default) until the focused element matches, checking the focus indicator
 * at every stop on the way, as a keyboard user would see each one; fails after `max` presses.
 * Past the last (or first) control the focus leaves the document (the browser's own bar), and the
 * next press comes back in at the other end: that one stop is not checked. `except` names known,
 * reported problems that must not hide the rest of the journey.
 */
export async function tabUntil(
  page: Page,
  target: Locator | ((f: FocusIndicator) => boolean),
  { key = 'Tab', max = 80, step = '', except }: { key?: string; max?: number; step?: string; except?: (f: FocusIndicator) => boolean } = {},
): Promise<FocusIndicator> {
  let outside = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    let f = await measureFocusIndicator(page);
    if (!f) {
      if (++outside > 1) throw new Error(`the focus left the document twice in a row (${step} ${key} #${i + 1})`);
      continue;
    }
    outside = 0;
    // Measured once; polled only if that first look fails (a transition may be under way).
    if (focusProblem(f, except)) f = await expectVisibleFocus(page, `${step} ${key} #${i + 1}`.trim(), { except });
    if (typeof target === 'function' ? target(f) : await isFocused(target)) return f;
  }
  throw new Error(`never reached with ${key}${step ? ` (${step})` : ''}`);
}

/** Whether the locator's element has the focus (through shadow roots). */
export async function isFocused(target: Locator): Promise<boolean> {
  // Not there (yet) is "not focused", at once: evaluate would wait for the element to appear.
  if ((await target.count()) !== 1) return false;
  return target
    .evaluate((el) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === el;
    })
    .catch(() => false);
}
