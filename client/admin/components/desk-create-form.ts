import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import type { IdentityValue } from '../../../shared/identity-schemas.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { identityField } from '../../family/components/identity-form.ts';
import type { FieldValue, FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { emailTakenProblem } from './email-taken.ts';

type Form = FormController<Record<string, IdentityValue>>;

/**
 * The pieces the desk's creation pages share (new family, new teacher): the polite status line
 * (a success in words, not colour alone), the form with its fields and one submit button, and
 * the sending — online only, "needs the network" offline (what was typed stays), an e-mail used by
 * another account next to its field.
 */
export function createFormStatus(form: Form): TemplateResult {
  return html`<div role="status">${form.announcement ? html`<p class=${form.succeeded ? 'notice success' : ''}>${form.announcement}</p>` : nothing}</div>`;
}

export function createForm(form: Form, o: { title: string; fields: FieldDescription[]; submit: string; onSubmit: (e: Event) => void }): TemplateResult {
  return html`<form novalidate aria-labelledby="form-title" @submit=${o.onSubmit}>
    <h2 id="form-title" class="visually-hidden">${o.title}</h2>
    ${o.fields.map((spec) => identityField(spec, { value: form.values[spec.name], error: form.error(spec.name), onInput: (name, value) => form.set(name, value) }))}
    <div class="actions">
      <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${o.submit}</button>
    </div>
  </form>`;
}

/** Sends a desk form (a creation, an account's e-mail): busy and announced meanwhile; a refusal or no network shown in the summary. */
export function sendDeskForm<V extends Record<string, FieldValue>, R>(form: FormController<V>, work: () => Promise<R>) {
  return form.submit(work, {
    pending: t('deskAccounts.sending'),
    problem: (error) => (error instanceof OfflineError ? { fields: {}, message: t('deskAccounts.offline') } : emailTakenProblem(error)),
  });
}

/** After a creation: the result's heading takes the focus (its links are what comes next). */
export async function focusResult(host: HTMLElement & { updateComplete: Promise<boolean> }) {
  await host.updateComplete;
  (host.shadowRoot?.getElementById('result-title') as HTMLElement | null)?.focus();
}
