import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import '../../components/po-record-nav.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

export type StudentSection = 'identity' | 'courses' | 'history' | 'repertoire' | 'documents';

const SECTIONS: Array<[StudentSection, string, MessageKey]> = [
  ['identity', '', 'studentTabs.identity'],
  ['courses', '/cours', 'studentTabs.courses'],
  ['history', '/historique', 'studentTabs.history'],
  ['repertoire', '/repertoire', 'studentTabs.repertoire'],
  ['documents', '/documents', 'studentTabs.documents'],
];

/**
 * The student file's sub-navigation (the old extranet's tabs "Identité", "Cours", "Historique",
 * "Répertoire", "Documents"): a labelled nav of plain links, since each is a page with its own
 * URL. The current section says `aria-current="page"` on its own page, `"true"` below it (a
 * course sheet is still in "Cours").
 */
@customElement('po-student-tabs')
export class PoStudentTabs extends LitElement {
  static override styles = [
    pageStyles,
    css`
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.5em;
        list-style: none;
        padding: 0;
        margin-block: 0 var(--po-paragraph-spacing, 1rem);
        border-block-end: 1px solid var(--po-color-border);
      }
      a {
        display: inline-flex;
        align-items: center;
        min-block-size: var(--po-target-size);
        padding: 0.25em 0.75em;
        box-sizing: border-box;
        border-block-end: 4px solid transparent;
      }
      a[aria-current='page'],
      a[aria-current='true'] {
        font-weight: 700;
        border-block-end-color: var(--po-color-primary);
        color: var(--po-color-text);
      }
      @media (forced-colors: active) {
        a[aria-current='page'],
        a[aria-current='true'] {
          border-block-end-color: Highlight;
          color: CanvasText;
        }
      }
    `,
  ];

  /** The student whose file is shown: the links lead to `/eleves/<id>…`. */
  @property({ attribute: 'student-id' }) studentId = '';
  /** The section the page belongs to (its link is marked current). */
  @property() current: StudentSection = 'identity';
  /** True when the page is the section's own page (not a record under it). */
  @property({ type: Boolean, attribute: 'at-root' }) atRoot = true;

  /** Also show "Élève précédent / suivant…" between the family's students, staying in the same section. */
  @property({ type: Boolean, attribute: 'student-nav' }) studentNav = false;

  private readonly students = new LiveQueryController(this, 'familyStudents', () => []);

  override render() {
    const students = this.studentNav ? (this.students.value ?? []) : [];
    const suffix = SECTIONS.find(([section]) => section === this.current)?.[1] ?? '';
    return html`<nav aria-label=${t('studentTabs.label')}>
      <ul>
        ${SECTIONS.map(([section, suffix, label]) => {
          const current = section === this.current ? (this.atRoot ? 'page' : 'true') : 'false';
          return html`<li><a href="/eleves/${this.studentId}${suffix}" aria-current=${current}>${t(label)}</a></li>`;
        })}
      </ul>
    </nav>
    ${students.length > 1
      ? html`<po-record-nav
          noun="student"
          .hrefs=${students.map((student) => `/eleves/${student.id}${suffix}`)}
          .index=${students.findIndex((student) => student.id === this.studentId)}
        ></po-record-nav>`
      : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-tabs': PoStudentTabs;
  }
}
