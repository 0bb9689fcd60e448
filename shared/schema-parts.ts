import { z } from 'zod';
import { vmsg, type FieldName } from './validation-messages.ts';

/** Schema pieces several payloads share, each with its coded message (shared/validation-messages.ts). */

export const required = (field: FieldName) =>
  z.string({ error: vmsg('required', { field }) }).trim().min(1, { error: vmsg('required', { field }) });

/** A calendar day written "YYYY-MM-DD" that exists, between 2000 and 2099. */
export const isoDate = (field: FieldName) =>
  required(field).regex(/^\d{4}-\d{2}-\d{2}$/, { error: vmsg('dateFormat', { field }) })
    .refine((v) => !Number.isNaN(new Date(v + 'T12:00:00Z').getTime()) && new Date(v + 'T12:00:00Z').toISOString().startsWith(v), {
      error: vmsg('dateInvalid', { field }),
    })
    .refine((v) => v >= '2000-01-01' && v <= '2099-12-31', { error: vmsg('dateRange', { field, from: 2000, to: 2099 }) });

/** Free text that may be empty, trimmed and bounded. */
export const optionalText = (field: FieldName, max: number) =>
  z.string({ error: vmsg('notText', { field }) }).trim().max(max, { error: vmsg('tooLong', { field, max }) });

/** Free text that must be filled, trimmed and bounded. */
export const requiredText = (field: FieldName, max: number) => required(field).max(max, { error: vmsg('tooLong', { field, max }) });

/** A record id made by a device or the server (a UUID): bounded so a forged one costs nothing. */
export const recordId = z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);
