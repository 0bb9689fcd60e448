import { defineFields } from './field.ts';

/**
 * The secretariat's billing forms' fields (schemas: shared/billing-schemas.ts): create an invoice
 * (and each of its lines, whose labels take the line's number `{n}`), record a desk payment,
 * grant a discount.
 */
export const invoiceFields = defineFields({
  schoolYear: { labelKey: 'adminBilling.schoolYear', required: true },
  label: { labelKey: 'adminBilling.label', required: true },
  date: { labelKey: 'adminBilling.date', type: 'date', required: true },
  dueDate: { labelKey: 'adminBilling.dueDate', type: 'date', required: true },
});

export const invoiceLineFields = defineFields({
  label: { labelKey: 'adminBilling.lineLabel', required: true },
  quantity: { labelKey: 'adminBilling.lineQuantity', inputmode: 'numeric', required: true },
  unitPrice: { labelKey: 'adminBilling.linePrice', inputmode: 'decimal', required: true },
});

export const deskPaymentFields = defineFields({
  invoiceId: { labelKey: 'adminBilling.invoiceField', type: 'select', required: true },
  mode: { labelKey: 'adminBilling.mode', type: 'select', required: true },
  date: { labelKey: 'adminBilling.date', type: 'date', required: true },
  amount: { labelKey: 'adminBilling.amount', inputmode: 'decimal', required: true },
  operationNumber: { labelKey: 'adminBilling.operationNumber' },
});

export const discountFields = defineFields({
  invoiceId: { labelKey: 'adminBilling.invoiceField', type: 'select', required: true },
  date: { labelKey: 'adminBilling.date', type: 'date', required: true },
  label: { labelKey: 'adminBilling.reason', required: true },
  amount: { labelKey: 'adminBilling.amount', inputmode: 'decimal', required: true },
});
