import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-schemas.ts';
import type { StoredRejection } from '../../data/outbox-keys.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** What a refused write was, in words: "Évaluation du 2 décembre 2026", "Note du …", "« Pièce »". */
function describe(r: StoredRejection): string {
  const args = r.args as { date?: string; piece?: string };
  const date = args.date ? formatDate(args.date) : '';
  switch (r.name) {
    case TEACHING_MUTATIONS.saveEvaluation:
    case TEACHING_MUTATIONS.deleteEvaluation:
      return t('teaching.refused.evaluation', { date });
    case TEACHING_MUTATIONS.saveRepertoire:
    case TEACHING_MUTATIONS.deleteRepertoire:
      return t('teaching.refused.piece', { piece: args.piece ?? '' });
    default:
      return t('teaching.refused.note', { date });
  }
}

/**
 * A teacher's writes that the server refused for good after they left this device (queued
 * offline, sent later): what it was and the server's reason, each until "J'ai compris". Said in
 * words under a heading, not by colour alone.
 *
 * @fires po-refusal-dismiss - "J'ai compris" was pressed; `detail.mutationId` names the refusal
 */
@customElement('po-evaluation-refusals')
export class PoEvaluationRefusals extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      h2::before {
        content: '⚠ ';
      }
      @media (forced-colors: active) {
        .notice {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The refused writes, each with the server's message. */
  @property({ attribute: false }) refusals: StoredRejection[] = [];

  override render() {
    if (!this.refusals.length) return nothing;
    return html`<section class="notice error" aria-labelledby="refused-title">
      <h2 id="refused-title">${t('teaching.refused.title')}</h2>
      <ul>
        ${this.refusals.map(
          (r) => html`<li>
            <p><strong>${describe(r)}</strong> : ${[r.error.message, ...Object.values(r.error.fields ?? {})].join(' ')}</p>
            <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('po-refusal-dismiss', { detail: { mutationId: r.mutationId }, bubbles: true, composed: true }))}>
              ${t('teaching.refused.dismiss')}<span class="visually-hidden"> : ${describe(r)}</span>
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-evaluation-refusals': PoEvaluationRefusals;
  }
  interface GlobalEventHandlersEventMap {
    'po-refusal-dismiss': CustomEvent<{ mutationId: number }>;
  }
}
