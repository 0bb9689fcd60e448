import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatCents } from '../../../shared/money.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { TodoItem } from '../data/todo-builders.ts';

/**
 * The home page's "À faire" (issue 18, item 1): one list of what needs the family's action, each
 * a link to where it is done. Every item says in words what it is (a late payment says "en
 * retard", not a red colour). When the list changes after it was first shown (a pull, an edit
 * sent), a polite status says so once; the first showing is not announced, the page's heading is.
 */
@customElement('po-todo-list')
export class PoTodoList extends LitElement {
  static override styles = [
    pageStyles,
    css`
      ul {
        padding-inline-start: 1.25em;
        display: grid;
        gap: 0.5em;
      }
      li a {
        display: inline-block;
        min-block-size: var(--po-target-size);
        padding-block: 0.15em;
      }
      .late {
        font-weight: 700;
      }
    `,
  ];

  /** What to list; undefined while the device's data is not loaded (nothing is shown then). */
  @property({ attribute: false }) items: TodoItem[] | undefined;

  @state() private announcement = '';
  /** What was last shown, to tell a change from the first showing. */
  private shown: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('items') || !this.items) return;
    const key = JSON.stringify(this.items);
    if (this.shown !== undefined && key !== this.shown) {
      this.announcement = this.items.length ? t('todo.changed', { count: this.items.length }) : t('todo.changedEmpty');
    }
    this.shown = key;
  }

  override render() {
    const items = this.items;
    return html`<section aria-labelledby="todo-title">
      <h2 id="todo-title">${t('todo.title')}</h2>
      ${items === undefined
        ? html``
        : items.length
          ? html`<ul aria-label=${t('todo.count', { count: items.length })}>
              ${items.map((item) => html`<li><a href=${item.href} class=${item.kind === 'payment' && item.late ? 'late' : ''}>${label(item)}</a></li>`)}
            </ul>`
          : html`<p>${t('todo.empty')}</p>`}
      <p role="status" class="visually-hidden">${this.announcement}</p>
    </section>`;
  }
}

const day = (iso: string) => formatDate(iso.slice(0, 10));

/** The words of one item, in the language of the moment. */
function label(item: TodoItem): string {
  switch (item.kind) {
    case 'payment':
      return t(item.late ? 'todo.paymentLate' : 'todo.payment', { number: item.invoiceNumber, amount: formatCents(item.dueCents), date: day(item.dueDate) });
    case 'reenrolment':
      return item.closesOn ? t('todo.reenrolment', { date: day(item.closesOn) }) : t('todo.reenrolmentNoDate');
    case 'consents':
      return t('todo.consents', { count: item.count });
    case 'document':
      if (item.studentName) return t(item.refused ? 'todo.documentRefusedStudent' : 'todo.documentStudent', { student: item.studentName, label: item.label });
      return t(item.refused ? 'todo.documentRefused' : 'todo.document', { label: item.label });
    case 'refusedChange':
      return item.who ? t('todo.refusedStudent', { student: item.who, date: day(item.reviewedAt) }) : t('todo.refusedFamily', { date: day(item.reviewedAt) });
    case 'cancelledLesson':
      return t('todo.cancelledLesson', { date: formatDate(item.date, { weekday: 'long', day: 'numeric', month: 'long' }), course: item.courseName, students: item.students.join(', ') });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-todo-list': PoTodoList;
  }
}
