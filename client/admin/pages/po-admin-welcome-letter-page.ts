import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fetchWelcomeLetter, type WelcomeLetter } from '../data/desk-accounts.ts';
import { welcomeLetterText } from '../pdf/welcome-letter-text.ts';

/**
 * `/admin/comptes/:id/lettre`: the welcome letter of an account of the site, as a printable page
 * (the same words as the PDF, in French: the conservatory's letter): the site, the identifiant,
 * the portal's address, and how to choose a password — the e-mailed link, or "Mot de passe perdu"
 * on the sign-in page. Never a password. "Imprimer" prints the letter alone (the page's own
 * links and buttons are not printed); "Télécharger en PDF" makes it with jsPDF, loaded only then.
 */
@customElement('po-admin-welcome-letter-page')
export class PoAdminWelcomeLetterPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      article {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: clamp(1rem, 4vw, 2.5rem);
        max-inline-size: 46rem;
        overflow-wrap: anywhere;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 1rem;
        margin-block-end: 1.5rem;
      }
      .head p {
        margin: 0;
      }
      .credentials {
        list-style: none;
        padding: 0;
        font-weight: 700;
        font-size: 1.1em;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block-end: 1rem;
      }
      @media print {
        .no-print {
          display: none !important;
        }
        article {
          border: none;
          padding: 0;
        }
      }
      @media (forced-colors: active) {
        article {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The account (the route's `:id`). */
  @property({ attribute: false }) accountId = '';

  @state() private data: WelcomeLetter | null = null;
  @state() private missing = false;
  @state() private offline = false;
  @state() private message = '';
  @state() private failed = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('accountId') && this.accountId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('welcomeLetter.notFound');
    return this.data ? t('welcomeLetter.titleOf', { username: this.data.username }) : t('welcomeLetter.title');
  }

  private async load() {
    try {
      this.data = await fetchWelcomeLetter(this.accountId);
      this.missing = false;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.missing = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <h1 class="no-print">${this.pageTitle()}</h1>
      <p class="no-print">${this.backLink()}</p>
      <div role="status" class="no-print">
        ${this.offline ? offlineNotice(t('deskAccounts.offline'), () => void this.load()) : nothing}
        ${this.message ? html`<p class=${this.failed ? 'notice error' : ''}>${this.message}</p>` : nothing}
      </div>
      ${this.missing
        ? html`<p>${t('welcomeLetter.notFoundText')}</p>`
        : this.data
          ? this.renderLetter(this.data)
          : this.offline
            ? nothing
            : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private backLink() {
    const d = this.data;
    if (d?.familyId) return html`<a href="/admin/familles/${encodeURIComponent(d.familyId)}">${t('welcomeLetter.backToFamily')}</a>`;
    if (d?.teacherId) return html`<a href="/admin/enseignants/${encodeURIComponent(d.teacherId)}">${t('welcomeLetter.backToTeacher')}</a>`;
    return html`<a href="/admin">${t('welcomeLetter.backToAdmin')}</a>`;
  }

  private renderLetter(d: WelcomeLetter) {
    const l = welcomeLetterText(d);
    return html`
      <p class="no-print">${t('welcomeLetter.intro')}</p>
      <div class="toolbar no-print">
        <button type="button" @click=${() => window.print()}>${t('welcomeLetter.print')}</button>
        <button type="button" class="secondary" @click=${this._onPdf}>${t('welcomeLetter.pdf')}</button>
      </div>
      <article lang="fr" aria-label=${t('welcomeLetter.letterLabel')}>
        <div class="head">
          <p>${l.from.map((line, i) => html`${i ? html`<br />` : nothing}${i ? line : html`<strong>${line}</strong>`}`)}</p>
          <p>${l.to.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}<br /><br />${l.date}</p>
        </div>
        <h2>${l.heading}</h2>
        <p>${l.salutation}</p>
        <p>${l.opened}</p>
        <ul class="credentials">
          ${l.credentials.map((line) => html`<li>${line}</li>`)}
        </ul>
        <h3>${l.passwordTitle}</h3>
        ${l.password.map((p) => html`<p>${p}</p>`)}
        <p>${l.signature}</p>
      </article>
    `;
  }

  private async _onPdf() {
    const d = this.data;
    if (!d) return;
    this.failed = false;
    this.message = t('accountActions.pdfMaking');
    try {
      // jsPDF arrives only now.
      const pdf = await import('../pdf/welcome-letter-pdf.ts');
      const file = pdf.welcomeLetterPdf(d);
      pdf.downloadFile(file);
      this.message = t('accountActions.pdfReady', { file: file.fileName });
    } catch (error) {
      console.error('[welcome-letter]', error);
      this.failed = true;
      this.message = t('accountActions.pdfFailed');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-welcome-letter-page': PoAdminWelcomeLetterPage;
  }
}
