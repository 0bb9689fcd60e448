import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SiteOption } from '../../../shared/session.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { fetchSites } from '../data/sites.ts';
import { t } from '../../i18n/i18n.ts';

const STORAGE_KEY = 'portee.sites';
const DEFAULT_SITE_NAME = 'Mantes';

function cachedSites(): SiteOption[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return isSiteList(list) ? list : [];
  } catch {
    return [];
  }
}

function isSiteList(value: unknown): value is SiteOption[] {
  return Array.isArray(value) && value.every((s) => typeof s?.id === 'string' && typeof s?.name === 'string');
}

/**
 * The sites of the sign-in and lost-password forms. The last list the server gave is kept in
 * localStorage, so the sign-in page opens offline; only a device that never loaded it needs the
 * network first (`problem` then says why the list is empty).
 */
export class SiteOptionsController implements ReactiveController {
  sites: SiteOption[] = cachedSites();
  loading = false;
  problem: 'offline' | 'failed' | null = null;

  private abort: AbortController | null = null;
  private readonly retryWhenOnline = () => void this.load();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('online', this.retryWhenOnline);
    void this.load();
  }

  hostDisconnected() {
    window.removeEventListener('online', this.retryWhenOnline);
    this.abort?.abort();
  }

  async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.host.requestUpdate();
    try {
      const sites = await fetchSites(abort.signal);
      if (!isSiteList(sites)) throw new Error('unexpected sites list');
      localStorage.setItem(STORAGE_KEY, JSON.stringify(sites));
      this.sites = sites;
      this.problem = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      // A list from an earlier visit is still good enough to sign in with.
      if (!this.sites.length) this.problem = error instanceof OfflineError ? 'offline' : 'failed';
    }
    this.loading = false;
    this.host.requestUpdate();
  }
}

/** The site a form starts with: "Mantes" when it exists (docs/contract.md), else the first one. */
export function defaultSiteId(sites: SiteOption[]): string {
  return (sites.find((s) => s.name === DEFAULT_SITE_NAME) ?? sites[0])?.id ?? '';
}

/** Says why there is no list of sites, with a way to try again. */
export function sitesProblem(controller: SiteOptionsController): TemplateResult | typeof nothing {
  if (!controller.problem) return nothing;
  return html`<div class="notice error" role="alert">
    <p>${controller.problem === 'offline' ? t('signIn.sitesOffline') : t('signIn.sitesFailed')}</p>
    <button type="button" class="secondary" aria-disabled=${controller.loading ? 'true' : 'false'} @click=${() => !controller.loading && void controller.load()}>
      ${t('signIn.sitesRetry')}
    </button>
  </div>`;
}

export interface SiteFieldOptions {
  sites: SiteOption[];
  loading: boolean;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** The "Site" select, rendered in the page's own shadow root (its label must find it by id). */
export function siteField(o: SiteFieldOptions): TemplateResult {
  return html`<div class="field">
    <label for="siteId">${t('signIn.site')}<span aria-hidden="true"> *</span></label>
    ${o.error ? html`<p class="field-error" id="siteId-error">${o.error}</p>` : nothing}
    <select
      id="siteId"
      name="siteId"
      required
      aria-required="true"
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.error ? 'siteId-error' : undefined)}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.sites.length
        ? o.sites.map((s) => html`<option value=${s.id} .selected=${s.id === o.value}>${s.name}</option>`)
        : html`<option value="" selected>${o.loading ? t('signIn.sitesLoading') : '—'}</option>`}
    </select>
  </div>`;
}
