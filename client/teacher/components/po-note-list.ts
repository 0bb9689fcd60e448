import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { NoteView } from '../data/teacher-record-queries.ts';

/**
 * A student's follow-up notes in a course, in the order given (newest first): the date, the text,
 * whether it still waits to be sent, and for the teacher's own notes "Modifier" and "Supprimer".
 *
 * @fires po-note-edit - "Modifier" was pressed; `detail.id` names the note
 * @fires po-note-delete - "Supprimer" was pressed; `detail.id` names the note
 */
@customElement('po-note-list')
export class PoNoteList extends LitElement {
  static override styles = [
    pageStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 0.75rem 1rem;
        background: var(--po-color-surface);
      }
      h3 {
        font-size: 1em;
        margin: 0 0 0.25em;
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .queued {
        font-weight: 600;
      }
      .queued::before {
        content: '⏳ ';
      }
      @media (forced-colors: active) {
        li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The notes, in the order shown. */
  @property({ attribute: false }) notes: NoteView[] = [];

  override render() {
    if (!this.notes.length) return html`<p>${t('teaching.noNotes')}</p>`;
    return html`<ul>
      ${repeat(
        this.notes,
        (n) => n.id,
        (n) => {
          const what = t('teaching.noteOf', { date: formatDate(n.date) });
          return html`<li>
            <h3>${what}</h3>
            <p class="text">${n.text}</p>
            ${n.queued ? html`<p class="queued">${t('teaching.queued')}</p>` : nothing}
            ${n.own
              ? html`<div class="actions">
                  <button type="button" class="secondary" @click=${() => this.fire('po-note-edit', n.id)}>${t('teaching.edit')}<span class="visually-hidden"> : ${what}</span></button>
                  <button type="button" class="secondary" @click=${() => this.fire('po-note-delete', n.id)}>${t('teaching.delete')}<span class="visually-hidden"> : ${what}</span></button>
                </div>`
              : nothing}
          </li>`;
        },
      )}
    </ul>`;
  }

  private fire(name: 'po-note-edit' | 'po-note-delete', id: string) {
    this.dispatchEvent(new CustomEvent(name, { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-note-list': PoNoteList;
  }
  interface GlobalEventHandlersEventMap {
    'po-note-edit': CustomEvent<{ id: string }>;
    'po-note-delete': CustomEvent<{ id: string }>;
  }
}
