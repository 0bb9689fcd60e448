import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { erasedFrom } from '../../../shared/preregistration-retention.ts';
import { preregistrationRefuseSchema } from '../../../shared/preregistration-schemas.ts';
import {
  acceptPreregistration,
  fetchPreregistration,
  markPreregistrationInProgress,
  refusePreregistration,
  type PreregistrationDetail,
} from '../data/preregistrations.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { statusLabel } from '../../preregistration/components/preregistration-status.ts';

type Application = PreregistrationDetail['application'];
type Decision = { kind: 'accept'; attachToFamilyId?: string } | { kind: 'refuse' } | { kind: 'in-progress' };

/**
 * `/admin/preinscriptions/:id`: one application as the family sent it, the site's families that
 * may be the same family (same e-mail, or same name and postal code) shown before deciding, each
 * with "Rattacher à la famille existante", then "Accepter" (one step: the family, its students and
 * its account; the server e-mails the password link), "Marquer en cours" and "Refuser" (a reason
 * is required). One decision is sent at a time (a double click sends one); the result is announced
 * and stays on the page with the account's identifiant. Online only: offline, the page says so.
 */
@customElement('po-admin-preregistration-page')
export class PoAdminPreregistrationPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section {
        margin-block-end: 1.5rem;
      }
      section.child {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
      }
      ul.duplicates {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
      ul.duplicates li {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
      }
      .comment {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      textarea {
        min-block-size: 4em;
      }
      .decision {
        display: grid;
        gap: var(--po-space);
        max-inline-size: 40rem;
      }
      @media (forced-colors: active) {
        section.child, ul.duplicates li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The application's id (the route's `:id`). */
  @property() applicationId = '';

  @state() private detail: PreregistrationDetail | null = null;
  @state() private offline = false;
  @state() private notFound = false;

  private readonly form = new FormController(this, { name: 'preregistration-decision', fields: ['reason'], initial: { reason: '' } });

  protected pageTitle() {
    if (this.notFound) return t('adminPrereg.detail.notFound');
    return this.detail ? t('adminPrereg.detail.title', { reference: this.detail.application.reference }) : t('adminPrereg.detail.heading');
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('applicationId') && this.applicationId) void this.load();
  }

  private async load() {
    try {
      this.detail = await fetchPreregistration(this.applicationId);
      this.offline = false;
      this.notFound = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.notFound = true;
      else throw error;
    }
  }

  override render() {
    const back = html`<p><a href="/admin/preinscriptions">${t('adminPrereg.back')}</a></p>`;
    const status = html`<div role="status">
      ${this.offline ? offlineNotice(t('adminPrereg.offline'), () => void this.load()) : nothing}
      ${this.form.announcement ? html`<p class=${this.form.succeeded ? 'notice success' : ''}>${this.form.announcement}</p>` : nothing}
    </div>`;
    if (this.notFound) {
      return html`<h1>${t('adminPrereg.detail.notFound')}</h1>
        <p>${t('adminPrereg.detail.notFoundText')}</p>
        ${back}`;
    }
    if (!this.detail) {
      return html`<h1>${t('adminPrereg.detail.heading')}</h1>
        ${back} ${status} ${this.offline ? nothing : html`<p>${t('common.loading')}</p>`}`;
    }
    const a = this.detail.application;
    const open = a.status === 'new' || a.status === 'in_progress';
    return html`
      <h1>${t('adminPrereg.detail.title', { reference: a.reference })}</h1>
      ${back}
      <p>${t('adminPrereg.detail.received', { when: formatDateTime(a.createdAt) })} · <strong>${t('adminPrereg.detail.status', { status: statusLabel(a.status) })}</strong></p>
      ${a.status === 'accepted' ? nothing : html`<p>${t('adminPrereg.detail.erasure', { date: formatDate(erasedFrom(a.createdAt).toISOString()) })}</p>`}
      ${a.status === 'refused' && a.refuseReason ? html`<p>${t('adminPrereg.detail.refuseReason', { reason: a.refuseReason })}</p>` : nothing}
      ${a.status === 'accepted' && a.familyId ? html`<p><a href="/admin/familles/${encodeURIComponent(a.familyId)}">${t('adminPrereg.detail.openFamily')}</a></p>` : nothing}
      ${status} ${this.form.renderSummary()} ${this.renderApplication(a)}
      ${open ? html`${this.renderDuplicates()} ${this.renderDecision(a)}` : html`<p>${t('adminPrereg.decided')}</p>`}
    `;
  }

  private renderApplication(a: Application) {
    const r = a.data.responsible;
    const value = (v: string | undefined) => v || t('adminPrereg.detail.empty');
    const row = (labelKey: MessageKey, v: string | undefined) => html`<dt>${t(labelKey)}</dt><dd>${value(v)}</dd>`;
    return html`
      <section aria-labelledby="responsible-title">
        <h2 id="responsible-title">${t('adminPrereg.detail.responsible')}</h2>
        <dl class="record">
          ${row('records.field.civility', r.civility)} ${row('records.field.lastName', r.lastName)} ${row('records.field.firstName', r.firstName)}
          ${row('records.field.address', r.address)} ${row('records.field.postalCode', r.postalCode)} ${row('records.field.city', r.city)}
          ${row('records.field.mobile', r.mobile)} ${row('records.field.email', r.email)}
          ${row('records.field.smsOptIn', r.smsOptIn ? t('adminPrereg.detail.smsYes') : t('adminPrereg.detail.smsNo'))}
        </dl>
      </section>
      <section aria-labelledby="children-title">
        <h2 id="children-title">${t('adminPrereg.detail.children')}</h2>
        ${a.data.children.map(
          (c, i) => html`<section class="child" aria-labelledby="child-${i}">
            <h3 id="child-${i}">${c.firstName} ${c.lastName}</h3>
            <dl class="record">
              ${row('prereg.child.birthDate', formatDate(c.birthDate))} ${row('adminPrereg.detail.disciplines', c.disciplines.join(', '))}
              ${row('prereg.child.level', t(`prereg.level.${c.level}` as MessageKey))} ${row('prereg.child.availability', c.availability)}
            </dl>
          </section>`,
        )}
      </section>
      <section aria-labelledby="comment-title">
        <h2 id="comment-title">${t('adminPrereg.detail.comment')}</h2>
        <p class="comment">${a.data.comment || t('adminPrereg.detail.noComment')}</p>
      </section>
    `;
  }

  private renderDuplicates() {
    const duplicates = this.detail?.duplicates ?? [];
    return html`<section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">${t('adminPrereg.duplicates.heading')}</h2>
      ${duplicates.length
        ? html`<p>${t('adminPrereg.duplicates.intro')}</p>
            <ul class="duplicates">
              ${duplicates.map(
                (d) => html`<li>
                  <p>
                    <a href="/admin/familles/${encodeURIComponent(d.familyId)}">${d.name}</a> — ${d.postalCode || t('adminPrereg.detail.empty')} — ${d.email || t('adminPrereg.detail.empty')}
                    (${t(`adminPrereg.duplicates.reason.${d.reason}` as MessageKey)})
                  </p>
                  <button type="button" class="secondary" aria-disabled=${this.form.busy ? 'true' : 'false'} @click=${() => void this.decide({ kind: 'accept', attachToFamilyId: d.familyId })}>
                    ${t('adminPrereg.duplicates.attach')}<span class="visually-hidden"> : ${d.name}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : html`<p>${t('adminPrereg.duplicates.none')}</p>`}
    </section>`;
  }

  private renderDecision(a: Application) {
    const busy = this.form.busy ? 'true' : 'false';
    const error = this.form.error('reason');
    const described = ['reason-hint', error ? 'reason-error' : ''].filter(Boolean).join(' ');
    return html`<section aria-labelledby="decision-title" class="decision">
      <h2 id="decision-title">${t('adminPrereg.decision.heading')}</h2>
      <p class="hint" id="accept-hint">${t('adminPrereg.acceptHint')}</p>
      <div class="actions">
        <button type="button" aria-describedby="accept-hint" aria-disabled=${busy} @click=${() => void this.decide({ kind: 'accept' })}>${t('adminPrereg.accept')}</button>
        ${a.status === 'new'
          ? html`<button type="button" class="secondary" aria-disabled=${busy} @click=${() => void this.decide({ kind: 'in-progress' })}>${t('adminPrereg.inProgress')}</button>`
          : nothing}
      </div>
      <div class="field">
        <label for="reason">${t('adminPrereg.reason')}</label>
        <p class="hint" id="reason-hint">${t('adminPrereg.reasonHint')}</p>
        ${error ? html`<p class="field-error" id="reason-error">${error}</p>` : nothing}
        <textarea
          id="reason"
          aria-describedby=${described}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${this.form.values.reason}
          @input=${(e: InputEvent) => this.form.set('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="button" class="secondary" aria-disabled=${busy} @click=${() => void this.decide({ kind: 'refuse' })}>${t('adminPrereg.refuse')}</button>
      </div>
    </section>`;
  }

  private async decide(decision: Decision) {
    const form = this.form;
    if (form.busy || !this.detail) return;
    const { id, reference } = this.detail.application;
    const refusal = decision.kind === 'refuse' ? form.validate(preregistrationRefuseSchema, { reason: form.values.reason }) : null;
    if (decision.kind === 'refuse' && !refusal) return;
    const sent = await form.submit(
      async () => {
        if (decision.kind === 'accept') return t(...acceptedMessage(reference, await acceptPreregistration(id, decision.attachToFamilyId)));
        if (decision.kind === 'refuse') await refusePreregistration(id, refusal!.reason);
        else await markPreregistrationInProgress(id);
        return t(decision.kind === 'refuse' ? 'adminPrereg.refused' : 'adminPrereg.markedInProgress', { reference });
      },
      {
        pending: t('adminPrereg.pending'),
        problem: (error) => {
          if (error instanceof HttpError && error.status === 409) return { fields: {}, message: t('adminPrereg.alreadyDecided') };
          if (!(error instanceof OfflineError)) return undefined;
          this.offline = true;
          return null;
        },
      },
    );
    if (!sent.ok) {
      // Decided meanwhile (another desk, another tab): show the application as it is now.
      if (sent.error instanceof HttpError && sent.error.status === 409) await this.load();
      return;
    }
    form.announce(sent.value, { success: true });
    if (decision.kind === 'refuse') form.reset();
    const hadFocus = this.shadowRoot!.activeElement;
    await this.load();
    await this.updateComplete;
    // The buttons of a decided application are gone: the focus goes back to the page's heading.
    if (hadFocus && !hadFocus.isConnected) await this.focusHeading();
  }
}

/** The announcement of an acceptance: the new account's identifiant, or the family the children joined. */
function acceptedMessage(reference: string, result: { username: string | null; students: number }): [MessageKey, Record<string, string | number>] {
  return result.username
    ? ['adminPrereg.accepted', { reference, students: result.students, username: result.username }]
    : ['adminPrereg.attached', { reference, students: result.students }];
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-preregistration-page': PoAdminPreregistrationPage;
  }
}
