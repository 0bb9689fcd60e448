import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fetchFamilyAnswers, type FamilyAnswers } from '../data/reenrolment-desk.ts';

const CHOICES = { continue: 'reenrolment.choice.continue', stop: 'reenrolment.choice.stop', change: 'reenrolment.choice.change' } as const;
const STATES = { done: 'deskReenrolment.state.done', in_progress: 'deskReenrolment.state.in_progress', not_started: 'deskReenrolment.state.not_started' } as const;

/**
 * `/admin/reinscriptions/:campaignId/familles/:familyId`: one family's answers in a campaign:
 * per student the choice, wish and comment; the confirmation (who, when); each consent with its
 * answer, the wording version answered, who and when, and "ancienne version" when asked again.
 */
@customElement('po-admin-reenrolment-family-page')
export class PoAdminReenrolmentFamilyPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @property({ attribute: false }) campaignId = '';
  @property({ attribute: false }) familyId = '';
  @state() private data: FamilyAnswers | null = null;
  @state() private offline = false;
  @state() private notFound = false;

  protected pageTitle() {
    return this.data ? t('deskReenrolment.answersOf', { name: this.data.family.name }) : t('deskReenrolment.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.data = await fetchFamilyAnswers(this.campaignId, this.familyId);
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.notFound = true;
      else throw error;
    }
  }

  override render() {
    const d = this.data;
    return html`
      <h1>${this.pageTitle()}</h1>
      <p><a href="/admin/reinscriptions">${t('deskReenrolment.back')}</a></p>
      <div role="status">${this.offline ? offlineNotice(t('common.offlineAction'), () => void this.load()) : nothing}</div>
      ${d ? this.renderAnswers(d) : this.notFound ? html`<p>${t('deskReenrolment.notFound')}</p>` : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderAnswers(d: FamilyAnswers) {
    return html`
      <p>${t('deskReenrolment.state')} : <strong>${t(STATES[d.state])}</strong> — ${d.campaign.schoolYear}</p>
      <div class="table-wrap">
        <table>
          <caption>${t('reenrolment.studentsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('deskReenrolment.student')}</th>
              <th scope="col">${t('deskReenrolment.choice')}</th>
              <th scope="col">${t('deskReenrolment.wish')}</th>
              <th scope="col">${t('deskReenrolment.comment')}</th>
            </tr>
          </thead>
          <tbody>
            ${d.students.map(
              (s) => html`<tr>
                <th scope="row">${s.name}</th>
                <td data-label=${t('deskReenrolment.choice')}>
                  ${s.answer ? html`${t(CHOICES[s.answer.choice as keyof typeof CHOICES] ?? 'deskReenrolment.noAnswer')} (${formatDateTime(s.answer.answeredAt)})` : t('deskReenrolment.noAnswer')}
                </td>
                <td data-label=${t('deskReenrolment.wish')}>${s.answer?.wish ?? ''}</td>
                <td data-label=${t('deskReenrolment.comment')}>${s.answer?.comment ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>
        ${t('deskReenrolment.confirmation')} :
        ${d.confirmation ? t('deskReenrolment.confirmedBy', { date: formatDate(d.confirmation.confirmedAt), who: d.confirmation.confirmedBy }) : t('deskReenrolment.notConfirmed')}
      </p>
      <div class="table-wrap">
        <table>
          <caption>${t('reenrolment.consentsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('deskReenrolment.consent')}</th>
              <th scope="col">${t('deskReenrolment.subject')}</th>
              <th scope="col">${t('deskReenrolment.answer')}</th>
            </tr>
          </thead>
          <tbody>
            ${d.consents.map(
              (c) => html`<tr>
                <th scope="row">${c.code}${c.active ? nothing : html` (${t('deskReenrolment.inactive')})`}</th>
                <td data-label=${t('deskReenrolment.subject')}>${c.studentName || t('reenrolment.consentFamily')}</td>
                <td data-label=${t('deskReenrolment.answer')}>
                  ${c.answer
                    ? t('deskReenrolment.answerDetail', {
                        answer: t(c.answer.given ? 'deskReenrolment.given' : 'deskReenrolment.refused'),
                        version: c.answer.wordingVersion,
                        date: formatDateTime(c.answer.answeredAt),
                        who: c.answer.answeredBy,
                      })
                    : t('deskReenrolment.noAnswer')}
                  ${c.due === 'outdated' ? html` — <strong>${t('deskReenrolment.outdated')}</strong>` : nothing}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-reenrolment-family-page': PoAdminReenrolmentFamilyPage;
  }
}
