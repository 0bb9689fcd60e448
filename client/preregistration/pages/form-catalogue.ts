import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OfflineError } from '../../data/command-errors.ts';
import { fetchPreregistrationForm } from '../data/preregistration-commands.ts';
import { cachedDisciplines, rememberDisciplines } from '../data/preregistration-draft.ts';

/**
 * What the pre-registration form needs from the server: the chosen site's disciplines (the last
 * list is kept on the device, so the form opens offline) and the form's token, which marks when
 * the form was opened (the server refuses an application sent faster than a person types). Both
 * are asked for when the form opens; offline, people still type, and the token is fetched again
 * when the network returns or, at the latest, just before sending.
 */
export class FormCatalogueController implements ReactiveController {
  /** The site's disciplines; null when none were ever loaded on this device (the field is then typed). */
  disciplines: string[] | null = null;
  loading = false;
  /** Why the list could not be loaded (shown only when there is no list at all). */
  problem: 'offline' | 'failed' | null = null;

  private siteId = '';
  private token = '';
  private abort: AbortController | null = null;
  private readonly retryWhenOnline = () => {
    if (this.siteId && (this.problem || !this.token)) void this.load();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('online', this.retryWhenOnline);
  }

  hostDisconnected() {
    window.removeEventListener('online', this.retryWhenOnline);
    this.abort?.abort();
  }

  /** The form's site: its list is loaded (a no-op when it is already the one shown). */
  forSite(siteId: string) {
    if (!siteId || siteId === this.siteId) return;
    this.siteId = siteId;
    this.disciplines = cachedDisciplines(siteId);
    void this.load();
  }

  async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const siteId = this.siteId;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const form = await fetchPreregistrationForm(siteId, abort.signal);
      // The first token is kept: it marks when the person opened the form, not when they changed site.
      if (!this.token) this.token = form.formToken;
      this.disciplines = form.disciplines;
      rememberDisciplines(siteId, form.disciplines);
      this.problem = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem = error instanceof OfflineError ? 'offline' : 'failed';
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  /** The token to send with the application, fetched now if the form was opened offline; throws OfflineError. */
  async formToken(): Promise<string> {
    if (!this.token) this.token = (await fetchPreregistrationForm(this.siteId)).formToken;
    return this.token;
  }

  /** The server found the token expired or unreadable: the next sending asks for a new one. */
  dropToken() {
    this.token = '';
  }
}
