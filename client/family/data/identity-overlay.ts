import { IDENTITY_CHANGE } from '../../../shared/identity-mutations.ts';
import type { IdentityChangeArgs, IdentityValue } from '../../../shared/identity-schemas.ts';
import { db } from '../../data/db.ts';
import { rejections, type StoredRejection } from '../../data/outbox.ts';

export interface FieldState {
  /** A value asked for and not decided yet: `queued` while it is still in this device's outbox. */
  pending?: { value: IdentityValue; queued: boolean };
  refused?: { value: unknown; reason: string };
}

export interface IdentityOverlay {
  fields: Record<string, FieldState>;
  /** A request of this record waits for the secretariat. */
  awaitingReview: boolean;
  /** Edits of this record are still on this device. */
  queued: boolean;
  rejections: StoredRejection[];
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/**
 * What the screens show over a record: the pending values of its change request (pulled), then
 * of this device's outbox (not sent yet), the reasons of refused fields, and the edits the server
 * refused for good. Read inside a live query, so it follows pulls and local edits.
 */
export async function identityOverlay(targetId: string, record: Record<string, unknown> | undefined): Promise<IdentityOverlay> {
  const fields: Record<string, FieldState> = {};
  const state = (f: string) => (fields[f] ??= {});
  const requests = (await db.changeRequests.where('targetId').equals(targetId).toArray()).sort((a, b) => a.version - b.version);
  let awaitingReview = false;
  for (const request of requests) {
    for (const [field, f] of Object.entries(request.fields)) {
      if (f.status === 'pending' && request.status === 'pending') {
        state(field).pending = { value: f.to as IdentityValue, queued: false };
        awaitingReview = true;
      } else if (f.status === 'rejected') {
        state(field).refused = { value: f.to, reason: f.reason ?? '' };
      } else if (f.status === 'approved') {
        delete state(field).refused;
      }
    }
  }
  let queued = false;
  const outbox = await db.outbox.orderBy('mutationId').toArray();
  for (const row of outbox) {
    const args = row.args as IdentityChangeArgs;
    if (row.name !== IDENTITY_CHANGE || args.targetId !== targetId) continue;
    queued = true;
    for (const [field, value] of Object.entries(args.values)) {
      if (record && same(value, record[field])) delete state(field).pending;
      else state(field).pending = { value: value as IdentityValue, queued: true };
    }
  }
  for (const f of Object.values(fields)) if (f.pending) delete f.refused;
  const mine = (await rejections()).filter((r) => r.name === IDENTITY_CHANGE && (r.args as IdentityChangeArgs | undefined)?.targetId === targetId);
  return { fields, awaitingReview, queued, rejections: mine };
}
