import { defineFields } from './field.ts';

/**
 * The identity forms' fields (schemas: shared/identity-schemas.ts): the family's, and the
 * student's by fieldset (the contact fieldset is hidden while the student uses the responsible
 * adult's details). The family's fields help the browser fill the person's own details; a
 * student's are not the person's own, so their autocomplete is off. Used by the family's and the
 * student's pages and by the secretariat's direct edit (client/family/components/identity-form.ts renders
 * them, with the pending/refused markers).
 * The address is one line (an <input>): 'address-line1', since 'street-address' is for a multiline
 * control (HTML's autofill table; IBM's engine reports it on an <input>).
 */
export const familyIdentityFields = defineFields({
  civility: { labelKey: 'records.field.civility', type: 'select', required: true, autocomplete: 'honorific-prefix' },
  lastName: { labelKey: 'records.field.lastName', required: true, autocomplete: 'family-name' },
  firstName: { labelKey: 'records.field.firstName', required: true, autocomplete: 'given-name' },
  address: { labelKey: 'records.field.address', autocomplete: 'address-line1' },
  postalCode: { labelKey: 'records.field.postalCode', autocomplete: 'postal-code', inputmode: 'numeric' },
  city: { labelKey: 'records.field.city', autocomplete: 'address-level2' },
  phoneHome: { labelKey: 'records.field.phoneHome', type: 'tel', autocomplete: 'home tel', hintKey: 'records.phoneHint' },
  phoneWork: { labelKey: 'records.field.phoneWork', type: 'tel', autocomplete: 'work tel', hintKey: 'records.phoneHint' },
  mobile: { labelKey: 'records.field.mobile', type: 'tel', autocomplete: 'mobile tel', hintKey: 'records.mobileNote' },
  smsOptIn: { labelKey: 'records.field.smsOptIn', type: 'checkbox' },
  email: { labelKey: 'records.field.email', type: 'email', required: true, autocomplete: 'email' },
});

export const studentIdentityFields = defineFields({
  civility: { labelKey: 'records.field.civility', type: 'select', required: true },
  lastName: { labelKey: 'records.field.lastName', required: true, autocomplete: 'off' },
  firstName: { labelKey: 'records.field.firstName', required: true, autocomplete: 'off' },
  birthDate: { labelKey: 'records.field.birthDate', type: 'date', required: true, autocomplete: 'off' },
  birthPlace: { labelKey: 'records.field.birthPlace', autocomplete: 'off' },
});

/** The checkbox that hides the student's own contact fields. */
export const studentUsesFamilyContactField = defineFields({
  useFamilyContact: { labelKey: 'records.field.useFamilyContact', type: 'checkbox' },
});

export const studentContactFields = defineFields({
  address: { labelKey: 'records.field.address', autocomplete: 'off' },
  postalCode: { labelKey: 'records.field.postalCode', autocomplete: 'off', inputmode: 'numeric' },
  city: { labelKey: 'records.field.city', autocomplete: 'off' },
  phoneHome: { labelKey: 'records.field.phoneHome', type: 'tel', autocomplete: 'off', hintKey: 'records.phoneHint' },
  phoneWork: { labelKey: 'records.field.phoneWork', type: 'tel', autocomplete: 'off', hintKey: 'records.phoneHint' },
  mobile: { labelKey: 'records.field.mobile', type: 'tel', autocomplete: 'off', hintKey: 'records.phoneHint' },
  email: { labelKey: 'records.field.email', type: 'email', autocomplete: 'off' },
});

export const studentSchoolFields = defineFields({
  school: { labelKey: 'records.field.school', autocomplete: 'off' },
  schoolLevel: { labelKey: 'records.field.schoolLevel', autocomplete: 'off' },
});
