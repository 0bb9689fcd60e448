import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-record-nav.ts';
import '../components/po-student-tabs.ts';
import { recordList } from '../../components/record-list.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { studentName } from '../data/pedagogy-names.ts';
import { formatDate, formatMinutes, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { recordNotFound, studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

/** `/eleves/:id/repertoire/:entryId`: one piece in full, with the navigation between the pieces. */
@customElement('po-repertoire-entry-page')
export class PoRepertoireEntryPage extends PageElement {
  static override styles = pageStyles;

  /** The student (the route's `:id`). */
  @property({ attribute: false }) studentId = '';
  /** The repertoire entry shown (the route's `:entryId`). */
  @property({ attribute: false }) entryId = '';

  private readonly data = new LiveQueryController(this, 'repertoireEntry', () => [this.studentId, this.entryId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const moved = ['studentId', 'entryId'].some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved) this.data.refresh();
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('repertoire.heading');
    if (!d.student) return studentNotFoundHeading(d.synced, t('repertoire.heading'));
    return d.entry ? d.entry.piece : t('pedagogy.entryNotFound');
  }

  protected pageTitle() {
    const d = this.data.value;
    return d?.student && d.entry ? `${d.entry.piece} — ${studentName(d.student)}` : this.heading();
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student) return studentNotFound(d.synced);
    const list = `/eleves/${d.student.id}/repertoire`;
    const tabs = html`<po-student-tabs student-id=${d.student.id} current="repertoire" .atRoot=${false}></po-student-tabs>`;
    if (!d.entry) {
      return html`${tabs}${recordNotFound(t('pedagogy.entryNotFoundText'), list, t('pedagogy.backToRepertoire'))}`;
    }
    const e = d.entry;
    const kindKey = `repertoire.kind.${e.eventKind}` as MessageKey;
    const kind = ['audition', 'examen', 'concert'].includes(e.eventKind) ? t(kindKey) : e.eventKind;
    return html`
      <p>${studentName(d.student)}</p>
      ${tabs}
      ${recordList([
        [t('repertoire.col.date'), formatDate(e.date)],
        [t('repertoire.col.event'), e.eventLabel],
        [t('repertoire.col.kind'), kind],
        [t('repertoire.col.piece'), e.piece],
        [t('repertoire.col.composer'), e.composer],
        [t('repertoire.col.duration'), e.durationMinutes ? formatMinutes(e.durationMinutes) : ''],
        [t('repertoire.col.comments'), e.comments],
      ])}
      <po-record-nav noun="repertoire" .hrefs=${d.entries.map((x) => `${list}/${x.id}`)} .index=${d.index}></po-record-nav>
      <p><a href=${list}>${t('pedagogy.back')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-repertoire-entry-page': PoRepertoireEntryPage;
  }
}
