/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { defineFields } from '../../shared/fields/field.ts';
import { familyIdentityPatchSchema } from '../../shared/identity-schemas.ts';
import { HttpError, OfflineError } from '../../client/api/http.ts';
import { FormController } from '../../client/forms/form-controller.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { pageStyles } from '../../client/styles/shared-styles.ts';
import { until } from '../helpers/until.ts';

const fields = defineFields({
  lastName: { labelKey: 'records.field.lastName', autocomplete: 'family-name', required: true },
  postalCode: { labelKey: 'records.field.postalCode', autocomplete: 'postal-code', inputmode: 'numeric' },
});

/** What the page's request does: set by each test. */
let request: () => Promise<unknown> = async () => undefined;

@customElement('test-form')
class TestForm extends LitElement {
  static override styles = [pageStyles];
  readonly form = new FormController(this, { name: 'test', fields: ['lastName', 'postalCode'], initial: { lastName: '', postalCode: '' } });
  submits = 0;

  override render() {
    return html`${this.form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        ${this.form.textField(fields.lastName)} ${this.form.textField(fields.postalCode)}
        <button type="submit" aria-disabled=${this.form.busy ? 'true' : 'false'}>Envoyer</button>
      </form>
      <p role="status">${this.form.announcement}</p>`;
  }

  private async _onSubmit(e: Event) {
    e.preventDefault();
    // Like the identity forms: only the changed fields are validated and sent.
    const changed = Object.fromEntries([...this.form.dirty].map((f) => [f, this.form.values[f]]));
    const data = this.form.validate(familyIdentityPatchSchema, changed);
    if (!data) return;
    const result = await this.form.submit(async () => {
      this.submits++;
      return request();
    }, { pending: 'Envoi…' });
    if (result.ok) this.form.announce('Enregistré.', { success: true });
  }
}

async function render() {
  const el = await fixture<TestForm>(html`<test-form></test-form>`);
  const root = el.shadowRoot!;
  const input = (id: string) => root.getElementById(id) as HTMLInputElement;
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  const summary = () => root.getElementById('error-summary');
  return { el, root, input, type, submit, summary };
}

const validationBody = (fieldsBody: Record<string, string>, fieldCodes = {}) =>
  new HttpError(422, { error: { code: 'validation', message: 'Certains champs sont à corriger.', fields: fieldsBody, fieldCodes } });

describe('FormController (one form controller for every form)', () => {
  afterEach(() => {
    request = async () => undefined;
    localeStore.set({ locale: 'fr' });
  });

  it('labels each field from the catalogue, with its autocomplete and inputmode', async () => {
    const { root, input } = await render();
    expect(root.querySelector('label[for="postalCode"]')!.textContent).to.contain('Code postal');
    expect(input('postalCode').getAttribute('autocomplete')).to.equal('postal-code');
    expect(input('postalCode').getAttribute('inputmode')).to.equal('numeric');
    expect(input('lastName').getAttribute('aria-required')).to.equal('true');
  });

  it('a schema error: the summary (role=alert) takes focus and links to the field; what was typed stays', async () => {
    const { el, root, type, submit, summary, input } = await render();
    type('lastName', 'Martin');
    type('postalCode', '7820');
    submit();
    await until(() => !!summary() && root.activeElement === summary());
    expect(summary()!.getAttribute('role')).to.equal('alert');
    const link = summary()!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#postalCode');
    expect(link.textContent).to.equal('Le code postal doit comporter 5 chiffres, par exemple 78200.');
    expect(input('postalCode').getAttribute('aria-invalid')).to.equal('true');
    expect(input('postalCode').getAttribute('aria-describedby')).to.equal('postalCode-error');
    expect(input('postalCode').value).to.equal('7820');
    expect(input('lastName').value).to.equal('Martin');
    expect([...el.form.dirty]).to.deep.equal(['lastName', 'postalCode']);
    expect(el.submits).to.equal(0);
    link.click();
    expect(root.activeElement).to.equal(input('postalCode'));
    await expect(el).to.be.accessible();
  });

  it('an English user gets the English message for a bad postal code', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const { root, type, submit, summary } = await render();
    type('postalCode', '7820');
    submit();
    await until(() => !!summary() && root.activeElement === summary());
    expect(summary()!.querySelector('a')!.textContent).to.equal('The postcode must have 5 digits, for example 78200.');
    expect(root.getElementById('postalCode-error')!.textContent).to.equal('The postcode must have 5 digits, for example 78200.');
  });

  it('the server’s field errors go next to their fields (in English when they carry a code), its message heads the summary', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    request = async () => {
      throw validationBody(
        { postalCode: 'Le code postal doit comporter 5 chiffres, par exemple 78200.', lastName: 'Un message sans code.', other: 'Hors formulaire.' },
        { postalCode: { code: 'postalCode' } },
      );
    };
    const { root, type, submit, summary, input } = await render();
    type('lastName', 'Martin');
    submit();
    await until(() => !!summary() && root.activeElement === summary());
    const links = [...summary()!.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).to.deep.equal([
      ['#lastName', 'Un message sans code.'],
      ['#postalCode', 'The postcode must have 5 digits, for example 78200.'],
    ]);
    expect(summary()!.querySelector('strong')!.textContent).to.equal('Certains champs sont à corriger. Hors formulaire.');
    expect(input('lastName').value).to.equal('Martin');
  });

  it('offline: the summary says the action needs the network, the typing stays', async () => {
    request = async () => {
      throw new OfflineError();
    };
    const { root, type, submit, summary, input } = await render();
    type('lastName', 'Martin');
    submit();
    await until(() => !!summary() && root.activeElement === summary());
    expect(summary()!.textContent).to.contain('Cette action demande une connexion au réseau');
    expect(summary()!.querySelectorAll('a').length).to.equal(0);
    expect(input('lastName').value).to.equal('Martin');
  });

  it('busy while the request runs: a second submit does nothing; success clears the errors and is announced', async () => {
    let release!: () => void;
    request = () => new Promise<void>((r) => (release = r));
    const { el, root, type, submit, summary } = await render();
    type('postalCode', '7820');
    submit();
    await until(() => !!summary());
    type('postalCode', '78200');
    submit();
    await until(() => el.form.busy);
    expect(root.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Envoi…');
    submit();
    await el.updateComplete;
    expect(el.submits).to.equal(1);
    release();
    await until(() => !el.form.busy);
    await el.updateComplete;
    expect(summary()).to.equal(null);
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Enregistré.');
    expect(el.form.succeeded).to.equal(true);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'test-form': TestForm;
  }
}
