import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { campaignSchema } from '../../../shared/reenrolment-schemas.ts';
import { schoolYearOf, shiftSchoolYear } from '../../../shared/school-year.ts';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import '../components/po-admin-consent-kinds.ts';
import {
  campaignCsvUrl,
  createCampaign,
  fetchCampaignProgress,
  fetchReenrolmentDesk,
  sendReminders,
  type CampaignProgress,
  type ReenrolmentDesk,
} from '../data/reenrolment-desk.ts';

const STATES = { done: 'deskReenrolment.state.done', in_progress: 'deskReenrolment.state.in_progress', not_started: 'deskReenrolment.state.not_started' } as const;

/**
 * `/admin/reinscriptions`: the site's re-enrolment campaigns (docs/reenrolment.md). The latest
 * campaign's progress (families done / in progress / not started, with counts; each family's line
 * links to its answers), the CSV export, the reminder to the families not done (one click, one
 * mail per family: the click's id makes a double click harmless, the count is announced), the
 * form that opens a campaign for next year, and the consents the site asks. Online, like every
 * desk screen.
 */
@customElement('po-admin-reenrolment-page')
export class PoAdminReenrolmentPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      section {
        margin-block: 2em;
      }
      @media (forced-colors: active) {
        th, td {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private desk: ReenrolmentDesk | null = null;
  @state() private progress: CampaignProgress | null = null;
  @state() private offline = false;
  @state() private reminding = false;
  @state() private announcement = '';

  private readonly form = new FormController(this, {
    initial: { schoolYear: shiftSchoolYear(schoolYearOf(new Date()), 1), opensOn: '', closesOn: '' },
    fields: ['schoolYear', 'opensOn', 'closesOn'],
    idPrefix: 'campaign-',
    name: 'reenrolment-campaign',
  });

  protected pageTitle() {
    return t('deskReenrolment.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.desk = await fetchReenrolmentDesk();
      const shown = this.desk.campaigns.find((c) => c.opensOn <= this.desk!.today && this.desk!.today <= c.closesOn) ?? this.desk.campaigns[0];
      this.progress = shown ? await fetchCampaignProgress(shown.id) : null;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <h1>${t('deskReenrolment.title')}</h1>
      <p><a href="/admin">${t('adminPrereg.backToAdmin')}</a></p>
      <div role="status">
        ${this.offline ? offlineNotice(t('common.offlineAction'), () => void this.load()) : nothing}
        ${this.announcement ? html`<p class="notice success">${this.announcement}</p>` : nothing}
      </div>
      ${this.desk ? this.renderDesk(this.desk) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderDesk(desk: ReenrolmentDesk) {
    return html`
      ${this.progress ? this.renderProgress(this.progress) : nothing}
      <section aria-labelledby="campaigns">
        <h2 id="campaigns">${t('deskReenrolment.campaignsTitle')}</h2>
        ${desk.campaigns.length
          ? html`<ul>
              ${desk.campaigns.map(
                (c) => html`<li>
                  ${t('deskReenrolment.campaignLine', { year: c.schoolYear, from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
                  ${c.opensOn <= desk.today && desk.today <= c.closesOn ? html` — <strong>${t('deskReenrolment.openNow')}</strong>` : nothing}
                </li>`,
              )}
            </ul>`
          : html`<p>${t('deskReenrolment.noCampaign')}</p>`}
        ${this.renderCampaignForm()}
      </section>
      <section aria-labelledby="consents">
        <h2 id="consents">${t('deskReenrolment.consentsTitle')}</h2>
        <po-admin-consent-kinds .kinds=${desk.consentKinds} @consent-kinds-changed=${() => void this.load()}></po-admin-consent-kinds>
      </section>
    `;
  }

  private renderProgress(p: CampaignProgress) {
    return html`<section aria-labelledby="progress">
      <h2 id="progress">${t('deskReenrolment.progressTitle', { year: p.campaign.schoolYear })}</h2>
      <p>${t('deskReenrolment.counts', { done: p.counts.done, inProgress: p.counts.inProgress, notStarted: p.counts.notStarted, total: p.counts.total })}</p>
      <div class="actions">
        <a class="button secondary" href=${campaignCsvUrl(p.campaign.id)} download>${t('deskReenrolment.export')}</a>
        <button type="button" aria-disabled=${this.reminding ? 'true' : 'false'} @click=${() => this.remind(p.campaign.id)}>${t('deskReenrolment.remind')}</button>
      </div>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${t('deskReenrolment.progressTitle', { year: p.campaign.schoolYear })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('deskReenrolment.family')}</th>
              <th scope="col">${t('deskReenrolment.state')}</th>
              <th scope="col">${t('deskReenrolment.left')}</th>
            </tr>
          </thead>
          <tbody>
            ${p.families.map(
              (f) => html`<tr>
                <th scope="row"><a href="/admin/reinscriptions/${encodeURIComponent(p.campaign.id)}/familles/${encodeURIComponent(f.familyId)}">${f.name}</a></th>
                <td data-label=${t('deskReenrolment.state')}>${t(STATES[f.state])}</td>
                <td data-label=${t('deskReenrolment.left')}>
                  ${f.state === 'done' ? '—' : t('deskReenrolment.leftDetail', { students: f.studentsToAnswer, consents: f.consentsToAnswer })}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderCampaignForm() {
    const form = this.form;
    return html`<h3 id="new-campaign">${t('deskReenrolment.newCampaign')}</h3>
      ${form.renderSummary()}
      <form novalidate aria-labelledby="new-campaign" @submit=${this.onCreate}>
        ${form.textField({ name: 'schoolYear', labelKey: 'deskReenrolment.schoolYear', required: true }, { label: t('deskReenrolment.schoolYear', { year: form.values.schoolYear || '2027/2028' }) })}
        ${form.textField({ name: 'opensOn', labelKey: 'deskReenrolment.opensOn', type: 'date', required: true })}
        ${form.textField({ name: 'closesOn', labelKey: 'deskReenrolment.closesOn', type: 'date', required: true })}
        <div class="actions"><button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('deskReenrolment.create')}</button></div>
      </form>
      ${formStatus(form)}`;
  }

  private async onCreate(event: Event) {
    event.preventDefault();
    const input = this.form.validate(campaignSchema());
    if (!input) return;
    const done = await this.form.submit(() => createCampaign(input));
    if (!done.ok) return;
    this.form.reset();
    this.form.announce(t('deskReenrolment.created', { year: input.schoolYear }), { success: true });
    await this.load();
  }

  private async remind(campaignId: string) {
    if (this.reminding) return;
    this.reminding = true;
    this.announcement = '';
    try {
      const { sent } = await sendReminders(campaignId, crypto.randomUUID());
      this.announcement = t('deskReenrolment.reminded', { count: sent });
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    } finally {
      this.reminding = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-reenrolment-page': PoAdminReenrolmentPage;
  }
}
