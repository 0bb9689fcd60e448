import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { ClassEvaluation } from '../data/teacher-record-queries.ts';

const KIND_KEYS: Record<string, MessageKey> = {
  'Contrôle continu': 'teaching.kind.continuous',
  Examen: 'teaching.kind.exam',
  Audition: 'teaching.kind.audition',
};

/** An evaluation's kind in the person's language (stored in French, as families read it). */
export const kindLabel = (kind: string) => (KIND_KEYS[kind] ? t(KIND_KEYS[kind]) : kind);

/**
 * A course's class evaluations, newest first: date, kind, how many students were evaluated,
 * whether it still waits to be sent, a link to edit it and a button to delete it.
 *
 * @fires po-evaluation-delete - "Supprimer" was pressed; `detail.batchId` names the evaluation
 */
@customElement('po-evaluation-list')
export class PoEvaluationList extends LitElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .queued {
        font-weight: 600;
      }
      .queued::before {
        content: '⏳ ';
      }
    `,
  ];

  /** The course whose evaluations these are (for the edit links). */
  @property({ attribute: false }) courseId = '';
  /** The evaluations, in the order shown. */
  @property({ attribute: false }) evaluations: ClassEvaluation[] = [];
  /** How many students the course has (the "evaluated" column says "3 / 12"). */
  @property({ type: Number }) students = 0;

  override render() {
    if (!this.evaluations.length) return html`<p>${t('teaching.noEvaluations')}</p>`;
    const col = { kind: t('teaching.kind'), evaluated: t('teaching.col.evaluated'), state: t('teaching.col.state'), actions: t('teaching.col.actions') };
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${t('teaching.evaluationsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('teaching.date')}</th>
            <th scope="col">${col.kind}</th>
            <th scope="col">${col.evaluated}</th>
            <th scope="col">${col.state}</th>
            <th scope="col">${col.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            this.evaluations,
            (e) => e.batchId,
            (e) => {
              const what = t('teaching.evaluationOf', { date: formatDate(e.date), kind: kindLabel(e.kind) });
              return html`<tr>
                <th scope="row">${formatDate(e.date)}</th>
                <td data-label=${col.kind}>${kindLabel(e.kind)}</td>
                <td data-label=${col.evaluated}>${Object.keys(e.entries).length} / ${this.students}</td>
                <td data-label=${col.state}>${e.queued ? html`<span class="queued">${t('teaching.queued')}</span>` : t('teaching.sent')}</td>
                <td data-label=${col.actions}>
                  ${e.editable
                    ? html`<div class="actions">
                        <a class="button secondary" href="/enseignant/cours/${this.courseId}/evaluations/${e.batchId}">${t('teaching.edit')}<span class="visually-hidden"> : ${what}</span></a>
                        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('po-evaluation-delete', { detail: { batchId: e.batchId }, bubbles: true, composed: true }))}>
                          ${t('teaching.delete')}<span class="visually-hidden"> : ${what}</span>
                        </button>
                      </div>`
                    : html`<span class="hint">${t('teaching.earlier')}</span>`}
                </td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-evaluation-list': PoEvaluationList;
  }
  interface GlobalEventHandlersEventMap {
    'po-evaluation-delete': CustomEvent<{ batchId: string }>;
  }
}
