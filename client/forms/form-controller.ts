import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { z } from 'zod';
import type { ApiErrorBody } from '../../shared/api-error.ts';
import type { FieldDescription } from '../../shared/fields/field.ts';
import { fieldCodes, fieldErrors } from '../../shared/issue-codes.ts';
import { HttpError, OfflineError } from '../api/http.ts';
import { isStorageFull } from '../data/storage-full.ts';
import { errorSummary, textField, type FieldOptions, type SummaryItem } from '../components/form-fields.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-fr.ts';
import { localFieldMessages } from './messages.ts';

/** A field's value; a list of rows for repeated sub-fields (an invoice's lines, errors at `lines.N.label`). */
export type FieldValue = string | boolean | ReadonlyArray<Readonly<Record<string, string>>>;
type Host = ReactiveControllerHost & HTMLElement;

/** What a failed request shows: messages next to fields, and one for the summary's head. */
export interface Problem {
  fields: Record<string, string>;
  message: string;
}

export interface FormOptions<V extends Record<string, FieldValue>> {
  /** The starting values (also what `reset()` goes back to). */
  initial: V;
  /** The fields in the page's order: the summary lists them so; errors of other paths join its message. */
  fields: ReadonlyArray<keyof V & string>;
  /** Prefix of the element ids, when a page holds several forms. */
  idPrefix?: string;
  /** An error path whose field has another id (a radio group's first input). */
  fieldIds?: Record<string, string>;
  /** Extra error paths shown next to a field of this form (e.g. `lines.0.label`). */
  extraPaths?: (path: string) => boolean;
  /** Names the form in the console when something unexpected fails. */
  name: string;
}

/**
 * One form's state, for every form of the app (docs: STYLE "Forms and data boundaries"): the
 * values typed (kept across errors and pulls: nothing typed is lost), the fields changed, the
 * errors by path, the busy flag and the announcement; validation with the shared zod schema; one
 * mapping of a failed request (the server's uniform error body, or no network) to fields and to
 * the error summary, which takes focus (GOV.UK pattern: role=alert, a link to each field).
 * Messages with a code (shared/validation-messages.ts) are shown in the person's language (their
 * texts are the 'validation' area of messages, which a page with a form lists: client/app/routes.ts).
 *
 * The page renders its fields and `renderSummary()` in its own shadow root, so `<label for>`,
 * the summary's links and aria-describedby find their inputs; the announcement goes in the page's
 * polite status region.
 */
export class FormController<V extends Record<string, FieldValue>> implements ReactiveController {
  values: V;
  readonly dirty = new Set<keyof V & string>();
  /** Error messages by path (`postalCode`, `lines.0.label`, `_` for the whole form). */
  errors: Record<string, string> = {};
  /** The summary's own message (the server's, offline, or what belongs to no field). */
  summary = '';
  announcement = '';
  /** The last announcement was the success of a submit (pages style it as a success notice). */
  succeeded = false;
  busy = false;
  private announceSeq = 0;

  constructor(
    private readonly host: Host,
    private readonly options: FormOptions<V>,
  ) {
    this.values = { ...options.initial };
    host.addController(this);
  }

  hostConnected() {}

  get idPrefix() {
    return this.options.idPrefix ?? '';
  }

  /** Typing: the value is kept and the field counts as changed. */
  set<K extends keyof V & string>(field: K, value: V[K]) {
    this.values = { ...this.values, [field]: value };
    this.dirty.add(field);
    this.host.requestUpdate();
  }

  /** Values set by the page, not typed (a default, what the server sent back): not "changed". */
  patch(values: Partial<V>) {
    this.values = { ...this.values, ...values };
    this.host.requestUpdate();
  }

  /** Back to the starting values (or new ones), nothing changed. */
  reset(values: Partial<V> = {}) {
    this.values = { ...this.options.initial, ...values };
    this.dirty.clear();
    this.host.requestUpdate();
  }

  error(path: string): string | undefined {
    return this.errors[path];
  }

  /**
   * Validates `input` (the values by default) with the shared schema: the parsed data, or null
   * with the errors shown and the summary focused.
   */
  validate<S extends z.ZodType>(schema: S, input: unknown = this.values): z.output<S> | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    this.showErrors(localFieldMessages(fieldErrors(parsed.error), fieldCodes(parsed.error)));
    return null;
  }

  /**
   * Runs a request: busy while it runs (a second submit meanwhile does nothing), `pending`
   * announced, errors cleared when it succeeds. A failure is shown with its summary focused;
   * `problem` may map it first (a refusal that means something to this page), or answer null when
   * the page showed it itself (e.g. in its status line); undefined leaves it to the default.
   */
  async submit<R>(
    work: () => Promise<R>,
    opts: { pending?: string; problem?: (error: unknown) => Problem | null | undefined } = {},
  ): Promise<{ ok: true; value: R } | { ok: false; error: unknown }> {
    if (this.busy) return { ok: false, error: new Error('busy') };
    this.busy = true;
    this.succeeded = false;
    if (opts.pending !== undefined) this.setAnnouncement(opts.pending);
    this.host.requestUpdate();
    try {
      const value = await work();
      this.clearErrors();
      return { ok: true, value };
    } catch (error) {
      this.setAnnouncement('');
      const problem = opts.problem?.(error);
      if (problem !== null) {
        const shown = problem ?? this.problemOf(error);
        this.showErrors(shown.fields, shown.message);
      }
      return { ok: false, error };
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /**
   * What a failed request shows: the server's field messages (in the person's language when they
   * carry a code) and message; "needs the network" offline; "the device's storage is full" when
   * IndexedDB refused the write; a generic message (logged) otherwise.
   */
  problemOf(error: unknown): Problem {
    if (error instanceof HttpError) return serverProblem(error.body);
    if (error instanceof OfflineError) return { fields: {}, message: t('common.offlineAction') };
    // The device refused to store the edit (quota): nothing was written, the queue is intact.
    if (isStorageFull(error)) return { fields: {}, message: t('storage.full') };
    console.error(`[${this.options.name}]`, error);
    return { fields: {}, message: t('signIn.unexpectedError') };
  }

  /** Shows errors by path and a summary message, and moves focus to the summary. */
  showErrors(fields: Record<string, string>, message = '') {
    this.errors = fields;
    const unplaced = Object.keys(fields).filter((k) => !this.isFieldPath(k)).map((k) => fields[k]);
    this.summary = [message, ...unplaced].filter(Boolean).join(' ');
    this.succeeded = false;
    this.setAnnouncement('');
    this.host.requestUpdate();
    void this.focusSummary();
  }

  clearErrors() {
    this.errors = {};
    this.summary = '';
    this.host.requestUpdate();
  }

  /**
   * A polite announcement in the page's status region. `again`: emptied first, so the same
   * message said twice is announced twice (a second save).
   */
  announce(message: string, opts: { success?: boolean; again?: boolean } = {}) {
    this.clearErrors();
    this.succeeded = !!opts.success;
    if (!opts.again) return this.setAnnouncement(message);
    this.setAnnouncement('');
    const seq = this.announceSeq;
    void this.host.updateComplete.then(() => {
      if (seq === this.announceSeq) this.setAnnouncement(message);
    });
  }

  /** The summary's items, in the form's field order, each linking to its field's id. */
  summaryItems(): SummaryItem[] {
    return Object.keys(this.errors)
      .filter((path) => this.isFieldPath(path))
      .sort((a, b) => this.order(a) - this.order(b))
      .map((path) => ({ field: this.fieldId(path), message: this.errors[path] }));
  }

  /** The error summary (nothing when there is no error); one per page at a time: its id is unique. */
  renderSummary(): TemplateResult | typeof nothing {
    return errorSummary(this.summaryItems(), this.host.shadowRoot, this.summary || undefined);
  }

  /** The element id of a field (or of an error path's field). */
  fieldId(path: string): string {
    return this.options.fieldIds?.[path] ?? this.idPrefix + path;
  }

  /** A text input described by the catalogue, bound to this form; `extra` for a hint or a label with parameters. */
  textField(d: FieldDescription, extra: Partial<Omit<FieldOptions, 'onInput' | 'value' | 'name'>> = {}): TemplateResult {
    const name = d.name as keyof V & string;
    return textField({
      name: this.idPrefix + d.name,
      label: t(d.labelKey as MessageKey),
      type: d.type === 'text' ? undefined : d.type,
      autocomplete: d.autocomplete,
      inputmode: d.inputmode,
      required: d.required,
      value: String(this.values[name] ?? ''),
      error: this.errors[d.name],
      ...extra,
      onInput: (_, value) => this.set(name, value as V[typeof name]),
    });
  }

  /** Waits for the render, then focuses the summary so screen readers read it and keyboards start there. */
  async focusSummary() {
    await this.host.updateComplete;
    (this.host.shadowRoot?.getElementById('error-summary') as HTMLElement | null)?.focus();
  }

  private setAnnouncement(message: string) {
    this.announceSeq++;
    this.announcement = message;
    this.host.requestUpdate();
  }

  private isFieldPath(path: string): boolean {
    return this.options.fields.includes(path as keyof V & string) || !!this.options.fieldIds?.[path] || !!this.options.extraPaths?.(path);
  }

  private order(path: string): number {
    const i = this.options.fields.findIndex((f) => path === f || path.startsWith(f + '.'));
    return i < 0 ? this.options.fields.length : i;
  }
}

/** The server's uniform error body as a form shows it (field messages translated when they carry a code). */
export function serverProblem(body: ApiErrorBody): Problem {
  return { fields: localFieldMessages(body.error.fields ?? {}, body.error.fieldCodes), message: body.error.message };
}
