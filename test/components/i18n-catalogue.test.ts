/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { fr, loadAreaMessages } from '../../client/i18n/messages-fr.ts';
import { en } from '../../client/i18n/messages-en.ts';
import { FIELD_NAMES_FR, VALIDATION_FR } from '../../shared/validation-messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  before(() => loadAreaMessages());

  it('every French message has its English one, except the PDFs’ (official documents, French only)', () => {
    const missing = Object.keys(fr).filter((key) => !(key in en) && !key.startsWith('pdf.'));
    expect(missing).to.deep.equal([]);
    const pdfInEnglish = Object.keys(en).filter((key) => key.startsWith('pdf.'));
    expect(pdfInEnglish).to.deep.equal([]);
  });

  it('no English key without a French one, and the same placeholders on both sides', () => {
    const frenchOnly = fr as Record<string, string>;
    expect(Object.keys(en).filter((key) => !(key in frenchOnly))).to.deep.equal([]);
    const mismatched = Object.entries(en)
      .filter(([key, text]) => placeholders(text!).join() !== placeholders(frenchOnly[key]).join())
      .map(([key]) => key);
    expect(mismatched).to.deep.equal([]);
  });

  it('every validation code and every field name it quotes has its English message (shared/validation-messages.ts)', () => {
    const keys = [...Object.keys(VALIDATION_FR).map((c) => `validation.${c}`), ...Object.keys(FIELD_NAMES_FR).map((f) => `validation.field.${f}`)];
    expect(keys.filter((key) => !(key in fr))).to.deep.equal([]);
    expect(keys.filter((key) => !en[key])).to.deep.equal([]);
    const frenchOnly = fr as Record<string, string>;
    expect(keys.filter((key) => placeholders(en[key]).join() !== placeholders(frenchOnly[key]).join())).to.deep.equal([]);
  });
});
