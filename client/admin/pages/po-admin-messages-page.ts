import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-tabs.ts';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fetchSentMessages, resendMessage, type MessageKind, type SentMail, type SentSms } from '../data/messages.ts';
import { readForDesk } from '../data/teaching-desk.ts';

/** The tab a URL asks for: `?type=mail` for the e-mails, the SMS otherwise. */
const kindOf = (search: string): MessageKind => (new URLSearchParams(search).get('type') === 'mail' ? 'mail' : 'sms');

/** "08:00" today, else the day and the time. */
function until(iso: string, now: Date): { sameDay: boolean; text: string } {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return { sameDay, text: sameDay ? formatDate(iso, { hour: '2-digit', minute: '2-digit' }) : formatDateTime(iso) };
}

const at = (status: string, when: string | null) => (when ? t('desk.status.at', { status, when: formatDateTime(when) }) : status);
const withError = (status: string, error: string | null) => (error ? t('desk.status.error', { status, error }) : status);

/** A queued message: due now, or waiting for a retry (after failed tries) or until a time (quiet hours). */
function queuedState(nextAttemptAt: string | null, attempts: number, now: Date): string {
  if (!nextAttemptAt || new Date(nextAttemptAt) <= now) return t('desk.sms.queued');
  const next = until(nextAttemptAt, now);
  if (attempts > 0) return t('desk.sms.retry', { time: next.text, attempts });
  return next.sameDay ? t('desk.sms.waitingUntil', { time: next.text }) : t('desk.sms.waitingUntilDay', { date: next.text });
}

/**
 * An SMS's state in words (never colour alone): "remis le …", "envoyé le …", "en attente jusqu'à
 * 08:00" (quiet hours), a retry after a failed try, "échec (…)", "non confirmé" (the gateway never
 * answered: not sent again), or not sent at all without a gateway.
 */
function smsState(m: SentSms, now = new Date()): string {
  switch (m.status) {
    case 'delivered':
      return at(t('desk.sms.delivered'), m.deliveredAt);
    case 'sent':
      return at(t('desk.sms.sent'), m.sentAt);
    case 'queued':
      return queuedState(m.nextAttemptAt, m.attempts, now);
    case 'sending':
      return t('desk.sms.sending');
    case 'failed':
      return withError(t('desk.sms.failed'), m.error);
    case 'unconfirmed':
      return t('desk.sms.unconfirmed');
    case 'stored':
      return t('desk.sms.stored');
  }
}

/**
 * An e-mail's state in words: sent (when), waiting (for another try after a failed one: the
 * sender job tries again, server/mail/sender.ts), being sent, failed (why), or kept without a
 * mail server.
 */
function mailState(m: SentMail, now = new Date()): string {
  switch (m.status) {
    case 'sent':
      return at(t('desk.mail.sent'), m.sentAt);
    case 'queued':
      return m.attempts > 0 ? withError(queuedState(m.nextAttemptAt, m.attempts, now), m.error) : t('desk.mail.queued');
    case 'sending':
      return t('desk.sms.sending');
    case 'failed':
      return withError(t('desk.mail.failed'), m.error);
    case 'stored':
      return t('desk.mail.stored');
    case 'resent':
      return t('desk.mail.resent');
    default:
      return m.status;
  }
}

/**
 * `/admin/messages`: the SMS and e-mails Portée sent for the site, newest first, in two tabs
 * (`?type=mail` for the e-mails), each a table with its caption — date, recipient, text or
 * subject, state in words — that reflows into labelled cards on a narrow screen. Online only.
 */
@customElement('po-admin-messages-page')
export class PoAdminMessagesPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @state() private kind: MessageKind = kindOf(location.search);
  @state() private sms: SentSms[] | null = null;
  @state() private mail: SentMail[] | null = null;
  @state() private offline = false;
  /** What the last "Renvoyer" did, announced in the status region. */
  @state() private notice = '';
  @state() private resending = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('desk.messages.title');
  }

  private async load() {
    const kind = this.kind;
    const read = await readForDesk(() => fetchSentMessages(kind));
    this.offline = read === 'offline';
    if (typeof read !== 'object') return;
    if (kind === 'sms') this.sms = read.sms;
    else this.mail = read.mail;
  }

  override render() {
    const tabs = [
      { id: 'sms', label: t('desk.messages.sms'), href: '/admin/messages' },
      { id: 'mail', label: t('desk.messages.mail'), href: '/admin/messages?type=mail' },
    ];
    const rows = this.kind === 'sms' ? this.sms : this.mail;
    return html`
      <p><a href="/admin">${t('desk.backToAdmin')}</a></p>
      <h1>${t('desk.messages.title')}</h1>
      <p>${t('desk.messages.intro')}</p>
      <div role="status">
        ${this.offline ? offlineNotice(t('desk.offline'), () => void this.load()) : nothing}
        ${rows ? html`<p>${t('desk.messages.count', { count: rows.length })}</p>` : nothing}
        ${this.notice ? html`<p>${this.notice}</p>` : nothing}
      </div>
      <po-tabs label=${t('desk.messages.tabs')} .tabs=${tabs} selected=${this.kind} @po-tab-select=${this._onTab}>
        ${this.kind === 'sms' ? this.renderSms() : this.renderMail()}
      </po-tabs>
    `;
  }

  private renderSms() {
    if (!this.sms) return this.offline ? nothing : html`<p>${t('common.loading')}</p>`;
    if (!this.sms.length) return html`<p>${t('desk.messages.noSms')}</p>`;
    const now = new Date();
    return this.table(
      t('desk.messages.smsCaption'),
      t('desk.col.text'),
      this.sms.map((m) => ({ id: m.id, createdAt: m.createdAt, to: m.to, what: m.text, state: smsState(m, now), resendable: m.status === 'failed' || m.status === 'unconfirmed' })),
    );
  }

  private renderMail() {
    if (!this.mail) return this.offline ? nothing : html`<p>${t('common.loading')}</p>`;
    if (!this.mail.length) return html`<p>${t('desk.messages.noMail')}</p>`;
    return this.table(
      t('desk.messages.mailCaption'),
      t('desk.col.subject'),
      this.mail.map((m) => ({ id: m.id, createdAt: m.createdAt, to: m.to, what: m.subject, state: mailState(m), resendable: m.status === 'failed' })),
    );
  }

  private table(caption: string, whatLabel: string, rows: Array<{ id: string; createdAt: string; to: string; what: string; state: string; resendable: boolean }>) {
    const col = { to: t('desk.col.recipient'), status: t('desk.col.status') };
    return html`<div class="table-wrap">
      <table>
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t('desk.col.date')}</th>
            <th scope="col">${col.to}</th>
            <th scope="col">${whatLabel}</th>
            <th scope="col">${col.status}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row">${formatDateTime(r.createdAt)}</th>
              <td data-label=${col.to}>${r.to}</td>
              <td data-label=${whatLabel} class="long">${r.what}</td>
              <td data-label=${col.status}>
                ${r.state}
                ${r.resendable
                  ? html`<button type="button" ?disabled=${this.resending} aria-label=${t('desk.messages.resendTo', { to: r.to })} @click=${() => void this.resend(r.id)}>
                      ${t('desk.messages.resend')}
                    </button>`
                  : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Sends a failed message again, says what happened, and reads the list again. */
  private async resend(id: string) {
    this.resending = true;
    this.notice = '';
    try {
      const result = await resendMessage(this.kind, id);
      this.notice = result === 'sent' ? t('desk.messages.resent') : result === 'offline' ? t('desk.offline') : result.refused;
      if (result === 'sent') await this.load();
    } finally {
      this.resending = false;
    }
  }

  /** Another tab: shown here (its URL kept for a reload), its list read from the server. */
  private _onTab(event: CustomEvent<{ id: string; href: string }>) {
    event.preventDefault();
    history.replaceState(history.state, '', event.detail.href);
    this.kind = event.detail.id === 'mail' ? 'mail' : 'sms';
    void this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-messages-page': PoAdminMessagesPage;
  }
}
