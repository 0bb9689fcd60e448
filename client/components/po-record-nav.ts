import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-fr.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/** What the navigation moves between; decides the accessible names ("Cours précédent") and the grammatical gender. */
export type RecordNoun = 'student' | 'course' | 'history' | 'repertoire' | 'line';
const GENDER: Record<RecordNoun, 'm' | 'f'> = { student: 'm', course: 'm', history: 'f', repertoire: 'm', line: 'f' };
const STEPS = ['first', 'previous', 'next', 'last'] as const;

/**
 * "Premier / Précédent / Suivant / Dernier" between records that each have a URL (the old
 * extranet's blue arrows): a labelled `<nav>` of real links, named for the record ("Élève
 * précédent"), with the position ("2 / 3"). At an end the unavailable links have no `href`
 * and say `aria-disabled="true"`, so they are announced but cannot be followed.
 */
@customElement('po-record-nav')
export class PoRecordNav extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        container-type: inline-size;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 0.75em;
        margin-block: var(--po-space, 1rem);
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-block-size: var(--po-target-size);
        min-inline-size: var(--po-target-size);
        padding: 0.25em 0.75em;
        border: 2px solid var(--po-color-primary);
        border-radius: var(--po-radius);
        box-sizing: border-box;
        text-decoration: none;
      }
      a[aria-disabled='true'] {
        border-color: var(--po-color-border);
        color: var(--po-color-muted);
      }
      .position {
        font-weight: 600;
        margin: 0;
      }
      /* Narrow (a phone, or the larger text of the accessibility mode): the old extranet's arrows
         on one line with the position, so the record's content is not pushed off the first screen. */
      @container (width < 30em) {
        nav {
          flex-wrap: nowrap;
        }
        ul {
          flex-wrap: nowrap;
        }
        a {
          justify-content: center;
          padding-inline: 0.25em;
        }
        .word {
          display: none;
        }
        a::before {
          font-size: 1.25em;
        }
        /* Drawn by CSS with no alternative text: each link is named by its aria-label. */
        a[data-step='first']::before {
          content: '«' / '';
        }
        a[data-step='previous']::before {
          content: '‹' / '';
        }
        a[data-step='next']::before {
          content: '›' / '';
        }
        a[data-step='last']::before {
          content: '»' / '';
        }
      }
      @media (forced-colors: active) {
        a {
          border-color: LinkText;
        }
        a[aria-disabled='true'] {
          border-color: GrayText;
          color: GrayText;
        }
      }
    `,
  ];

  /** The kind of record: names the links and the landmark. */
  @property() noun: RecordNoun = 'course';
  /** The records' URLs, in order. */
  @property({ attribute: false }) hrefs: string[] = [];
  /** The current record's position in `hrefs` (0-based). */
  @property({ type: Number }) index = 0;

  override render() {
    const count = this.hrefs.length;
    if (count < 1 || this.index < 0) return nothing;
    const target: Record<(typeof STEPS)[number], number> = { first: 0, previous: this.index - 1, next: this.index + 1, last: count - 1 };
    const gender = GENDER[this.noun];
    const key = (suffix: string) => `recordNav.${this.noun}.${suffix}` as MessageKey;
    return html`<nav aria-label=${t(key('label'))}>
      <ul>
        ${STEPS.map((step) => {
          const to = target[step];
          const available = to >= 0 && to < count && to !== this.index;
          const visible = html`<span class="word">${t(`recordNav.${gender}.${step}` as MessageKey)}</span>`;
          return html`<li>
            ${available
              ? html`<a href=${this.hrefs[to]} data-step=${step} aria-label=${t(key(step))}>${visible}</a>`
              : // A step that does not exist here stays in the list as a dimmed link (role=link,
                // aria-disabled), so a screen reader hears all four steps in the same place.
                // eslint-disable-next-line lit-a11y/anchor-is-valid
                html`<a role="link" aria-disabled="true" data-step=${step} aria-label=${t(key(step))}>${visible}</a>`}
          </li>`;
        })}
      </ul>
      <p class="position">
        <span aria-hidden="true">${t('recordNav.position', { index: this.index + 1, count })}</span>
        <span class="visually-hidden">${t(key('position'), { index: this.index + 1, count })}</span>
      </p>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-record-nav': PoRecordNav;
  }
}
