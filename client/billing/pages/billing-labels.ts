import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

/** "Mode de règlement" as the family reads it. */
export function paymentModeLabel(mode: string): string {
  return ['payfip', 'cheque', 'cash', 'direct_debit'].includes(mode) ? t(`billing.mode.${mode}` as MessageKey) : mode;
}
