import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDate, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { withdrawAbsence } from '../data/absence-notice-commands.ts';
import type { AnnouncedAbsence } from '../data/absence-notice-queries.ts';

/**
 * The absences a family announced for a course (its sheet's absences tab): the day, the reason,
 * whether it was sent or still waits on this device (in words), and "Retirer" before the day —
 * withdrawn through the outbox, offline too; the result is said in the polite status line.
 */
@customElement('po-announced-absences')
export class PoAnnouncedAbsences extends LitElement {
  static override styles = [pageStyles, reflowTableStyles];

  @property({ attribute: false }) notices: AnnouncedAbsence[] = [];

  @state() private announcement = '';
  @state() private busy = false;

  override render() {
    const rows = this.notices;
    return html`<section aria-labelledby="announced-title">
      <h3 id="announced-title">${t('notice.listTitle')}</h3>
      ${rows.length
        ? html`<div class="table-wrap"><table>
            <caption class="visually-hidden">${t('notice.listTitle')}</caption>
            <thead><tr>
              <th scope="col">${t('notice.col.date')}</th>
              <th scope="col">${t('notice.col.reason')}</th>
              <th scope="col">${t('notice.col.state')}</th>
              <th scope="col">${t('notice.col.action')}</th>
            </tr></thead>
            <tbody>
              ${rows.map(
                (n) => html`<tr>
                  <th scope="row">${formatDate(n.date)}</th>
                  <td data-label=${t('notice.col.reason')} class="long">${n.reason}</td>
                  <td data-label=${t('notice.col.state')}>${t(n.queued ? 'notice.state.queued' : 'notice.state.sent')}</td>
                  <td data-label=${t('notice.col.action')}>
                    ${n.upcoming
                      ? html`<button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.withdraw(n)}>
                          ${t('notice.withdraw')}<span class="visually-hidden"> — ${t('notice.withdrawName', { date: formatDate(n.date) })}</span>
                        </button>`
                      : nothing}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p>${t('notice.listEmpty')}</p>`}
      <p role="status">${this.announcement}</p>
    </section>`;
  }

  private async withdraw(n: AnnouncedAbsence) {
    if (this.busy) return;
    this.busy = true;
    this.announcement = '';
    try {
      const result = await withdrawAbsence({ enrollmentId: n.enrollmentId, date: n.date });
      const date = formatDate(n.date);
      this.announcement =
        result === 'sent' ? t('notice.withdrawn', { date }) : result === 'queued' ? t('notice.withdrawnQueued', { date }) : t('notice.refused', { message: result.rejected.message });
    } finally {
      this.busy = false;
    }
    // The row leaves the table: the focus, on its button, goes to the list's heading.
    await this.updateComplete;
    const heading = this.renderRoot.querySelector('h3');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-announced-absences': PoAnnouncedAbsences;
  }
}
