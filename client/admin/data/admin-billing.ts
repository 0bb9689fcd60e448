import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's billing desk, online only (it acts on live data): balances due, PayFiP
 * attempts, a family's invoices; invoices, desk payments and discounts. Each answers the server's
 * body, typed by its route, or throws OfflineError / HttpError (./errors.ts) for the form to map.
 */

const billing = apiClient.admin.billing;

/** The site's families with their balance due. */
export function fetchBillingFamilies() {
  return answer(billing.families.$get());
}

/** One family's balance due. */
export type FamilyBalance = Awaited<ReturnType<typeof fetchBillingFamilies>>[number];

/** Every PayFiP attempt of the site, newest first, with its problems when it did not match. */
export function fetchPayFipAttempts() {
  return answer(billing['payfip-attempts'].$get());
}

/** One PayFiP attempt. */
export type PayFipAttempt = Awaited<ReturnType<typeof fetchPayFipAttempts>>[number];

/** A family's billing: the family, its students and its invoices. */
export function fetchBillingFamily(familyId: string) {
  return answer(billing.families[':id'].$get({ param: { id: encodeURIComponent(familyId) } }));
}

/** What the desk shows of the chosen family. */
export type BillingFamily = Awaited<ReturnType<typeof fetchBillingFamily>>;

/** Creates an invoice (its number is the server's). */
export function createInvoice(input: InferRequestType<typeof billing.invoices.$post>['json']) {
  return answer(billing.invoices.$post({ json: input }));
}

/** Records a payment made at the desk (chèque, espèces, prélèvement). */
export function recordDeskPayment(input: InferRequestType<typeof billing.payments.$post>['json']) {
  return answer(billing.payments.$post({ json: input }));
}

/** Grants a discount on an invoice. */
export function grantDiscount(input: InferRequestType<typeof billing.discounts.$post>['json']) {
  return answer(billing.discounts.$post({ json: input }));
}
