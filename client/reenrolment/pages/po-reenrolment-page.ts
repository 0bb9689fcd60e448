import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-reenrolment-choices.ts';
import '../components/po-reenrolment-review.ts';
import '../components/po-consents-form.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { dismissReenrolmentRefusal } from '../data/reenrolment-commands.ts';
import type { ReenrolmentPage } from '../data/reenrolment-queries.ts';

type Open = Extract<ReenrolmentPage, { open: true }>;

/**
 * `/famille/reinscription`: the yearly re-enrolment while a campaign of the family's site is open
 * (docs/reenrolment.md), read from the device and written through the outbox, so it works
 * offline: 1. each student's choice, 2. the review of every detail and the confirmation,
 * 3. the consents. What is left is said at the top, in a polite status that follows each save.
 * Before the first sync: <po-data-pending>; no campaign open: the next or last one's dates.
 */
@customElement('po-reenrolment-page')
export class PoReenrolmentPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section.step {
        margin-block: 2em;
      }
    `,
  ];

  private readonly data = new LiveQueryController(this, 'reenrolmentPage', () => []);

  protected pageTitle() {
    const d = this.data.value;
    return d?.open ? t('reenrolment.titleYear', { year: d.campaign.schoolYear }) : t('reenrolment.title');
  }

  override render() {
    const d = this.data.value;
    return html`
      <h1>${this.pageTitle()}</h1>
      ${!d ? html`<po-data-pending></po-data-pending>` : d.open ? this.renderOpen(d) : this.renderClosed(d)}
    `;
  }

  private renderClosed(d: Extract<ReenrolmentPage, { open: false }>) {
    const n = d.nearest;
    return html`<p>${t('reenrolment.closed')}</p>
      ${n
        ? html`<p>
            ${t(n.when === 'next' ? 'reenrolment.nextCampaign' : 'reenrolment.lastCampaign', {
              year: n.campaign.schoolYear,
              from: formatDate(n.campaign.opensOn),
              to: formatDate(n.campaign.closesOn),
            })}
          </p>`
        : nothing}`;
  }

  private remaining(d: Open): string {
    const items = [
      d.studentsToAnswer ? t('reenrolment.remainingStudents', { count: d.studentsToAnswer }) : '',
      d.confirmed ? '' : t('reenrolment.remainingConfirm'),
      d.consentsToAnswer ? t('reenrolment.remainingConsents', { count: d.consentsToAnswer }) : '',
    ].filter(Boolean);
    return t('reenrolment.remaining', { items: items.join(', ') });
  }

  private renderOpen(d: Open) {
    const queued = d.confirmQueued || d.students.some((s) => s.answer?.queued) || d.consents.some((c) => c.answer?.queued);
    return html`
      <p>${t('reenrolment.openUntil', { year: d.campaign.schoolYear, date: formatDate(d.campaign.closesOn) })}</p>
      <div role="status">
        ${d.done
          ? html`<p class="notice success">${t(queued ? 'reenrolment.doneQueued' : 'reenrolment.done')}</p>`
          : html`<p class="notice">${this.remaining(d)}</p>`}
      </div>
      ${d.refusals.map(
        (r) => html`<div class="notice error">
          <p><strong>${t('reenrolment.refusedTitle')}</strong> ${r.message}</p>
          <button type="button" @click=${() => dismissReenrolmentRefusal(r.mutationId)}>${t('reenrolment.dismiss')}</button>
        </div>`,
      )}
      <section class="step" aria-labelledby="step-students">
        <h2 id="step-students">${t('reenrolment.studentsTitle')}</h2>
        <p>${t('reenrolment.studentsIntro')}</p>
        <po-reenrolment-choices .campaignId=${d.campaign.id} .students=${d.students}></po-reenrolment-choices>
      </section>
      <section class="step" aria-labelledby="step-review">
        <h2 id="step-review">${t('reenrolment.reviewTitle')}</h2>
        <p>${t('reenrolment.reviewIntro')}</p>
        <po-reenrolment-review
          .campaignId=${d.campaign.id}
          .family=${d.family}
          .students=${d.students.map((s) => s.student)}
          ?confirmed=${d.confirmed}
          ?confirmQueued=${d.confirmQueued}
        ></po-reenrolment-review>
      </section>
      <section class="step" aria-labelledby="step-consents">
        <h2 id="step-consents">${t('reenrolment.consentsTitle')}</h2>
        <p>${t('reenrolment.consentsIntro')}</p>
        <po-consents-form .questions=${d.consents}></po-consents-form>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-reenrolment-page': PoReenrolmentPage;
  }
}
