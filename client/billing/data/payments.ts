import { answer, apiClient } from '../../api/http.ts';
import { pullNow } from '../../data/sync.ts';

/*
 * Paying an invoice online through PayFiP: online only. Each throws OfflineError / HttpError
 * (./errors.ts) when the server cannot be reached or refuses.
 */

/** Starts a PayFiP payment of `amountCents` on an invoice: the answer carries the payment page's URL. */
export function startPayFipPayment(invoiceId: string, amountCents: number) {
  return answer(apiClient.billing.invoices[':id'].payfip.$post({ param: { id: encodeURIComponent(invoiceId) }, json: { amountCents } }));
}

/**
 * PayFiP sent the person back with `idop`: the server records the transaction's result (read from
 * PayFiP, idempotently), then a pull brings the invoice and its receipt to the device (a failed
 * pull is left to the next one).
 */
export async function recordPayFipReturn(idop: string) {
  const result = await answer(apiClient.billing.payfip.return.$post({ json: { idop } }));
  await pullNow().catch(() => false);
  return result;
}

/** What the server recorded of a PayFiP return. */
export type PayFipReturn = Awaited<ReturnType<typeof recordPayFipReturn>>;
