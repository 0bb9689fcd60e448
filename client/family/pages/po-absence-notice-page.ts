import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-absence-notice-form.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * `/signaler-absence` (linked from the home page): "Signaler une absence" for any of the family's
 * courses of the year — choose the student's course, then its coming lesson days and a reason.
 * Read from the device and sent through the outbox, so it works offline. Each course sheet's
 * absences tab lists what was announced, with "Retirer".
 */
@customElement('po-absence-notice-page')
export class PoAbsenceNoticePage extends PageElement {
  static override styles = [pageStyles];

  private readonly data = new LiveQueryController(this, 'noticeChoices', () => []);

  protected pageTitle() {
    return t('notice.pageTitle');
  }

  override render() {
    const choices = this.data.value;
    return html`<h1>${t('notice.pageTitle')}</h1>
      ${choices === undefined ? html`<po-data-pending></po-data-pending>` : html`<po-absence-notice-form .choices=${choices}></po-absence-notice-form>`}
      <p><a href="/accueil">${t('shell.home')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-absence-notice-page': PoAbsenceNoticePage;
  }
}
