/** Messages of the billing screens. */
export const billingFr = {
  'billing.title': 'Billing',
} as const;

export const billingEn: Partial<Record<keyof typeof billingFr, string>> = {};
