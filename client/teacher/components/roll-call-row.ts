import { css, html, nothing, type TemplateResult } from 'lit';
import { ATTENDANCE, type Attendance } from '../../../shared/teaching-schemas.ts';
import { textField } from '../../components/form-fields.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

const LABELS: Record<Attendance, MessageKey> = { present: 'rollCall.present', absent: 'rollCall.absent', excused: 'rollCall.excused' };

/** One student's line of a roll call, as the form holds it (a type, so it fits the form's list of records). */
export type RollCallEntry = {
  studentId: string;
  status: Attendance;
  reason: string;
};

export interface RollCallRowOptions {
  /** The row's place in the list: error paths (`entries.3.reason`) and element ids follow it. */
  index: number;
  studentName: string;
  entry: RollCallEntry;
  errors: { status?: string; reason?: string };
  /** The family announced this absence: "Absence signalée par la famille — motif : …". */
  familyNotice?: string;
  onChange: (patch: Partial<RollCallEntry>) => void;
}

/** The id of a row's field (the first radio stands for the status), as the form's error paths name it. */
export const entryFieldId = (index: number, field: 'status' | 'reason') => `entries.${index}.${field}`;

/**
 * One student of a roll call, rendered into the page's shadow root (the error summary's links and
 * each label find their inputs there): a fieldset named after the student with native radios
 * "Présent / Absent / Absent excusé" sharing one name, so the arrow keys move within the student
 * and Tab goes on to the next one; the optional reason shows once the student is not present.
 */
export function rollCallRow(o: RollCallRowOptions): TemplateResult {
  const statusId = entryFieldId(o.index, 'status');
  const error = o.errors.status;
  const described = [o.familyNotice ? `${statusId}-notice` : '', error ? `${statusId}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="student ${o.entry.status === 'present' ? '' : 'away'}" aria-describedby=${described || nothing}>
    <legend>${o.studentName}</legend>
    ${o.familyNotice ? html`<p class="family-notice" id="${statusId}-notice">${o.familyNotice}</p>` : nothing}
    ${error ? html`<p class="field-error" id="${statusId}-error">${error}</p>` : nothing}
    <div class="options">
      ${ATTENDANCE.map(
        (status, i) => html`<label class="option">
          <input
            type="radio"
            id=${i === 0 ? statusId : `${statusId}.${status}`}
            name="status-${o.entry.studentId}"
            value=${status}
            .checked=${o.entry.status === status}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${() => o.onChange({ status })}
          />
          <span>${t(LABELS[status])}</span>
        </label>`,
      )}
    </div>
    ${o.entry.status === 'present'
      ? nothing
      : textField({
          name: entryFieldId(o.index, 'reason'),
          label: t('rollCall.reason'),
          hint: t('rollCall.reasonHint'),
          value: o.entry.reason,
          error: o.errors.reason,
          onInput: (_, reason) => o.onChange({ reason }),
        })}
  </fieldset>`;
}

/** The rows' styles (and their list's, `.students`): options wrap on a narrow screen; each label is a full-size target. */
export const rollCallRowStyles = css`
  .students {
    display: grid;
    gap: 0.75em;
  }
  fieldset.student {
    border: 1px solid var(--po-color-border);
    border-radius: var(--po-radius);
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
    min-inline-size: 0;
    display: grid;
    gap: 0.5em;
  }
  fieldset.student.away {
    border-inline-start: 0.4em solid var(--po-color-text);
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
    overflow-wrap: anywhere;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  label.option {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--po-target-size);
    padding-inline-end: 0.5em;
    font-weight: 400;
    cursor: pointer;
  }
  label.option input {
    inline-size: 1.4em;
    block-size: 1.4em;
    min-block-size: 1.4em;
    margin: 0;
    flex: none;
  }
  label.option:has(input:checked) {
    font-weight: 700;
  }
  .family-notice {
    margin: 0;
    font-weight: 600;
    padding: 0.25em 0.5em;
    border-inline-start: 0.3em solid var(--po-color-primary);
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .family-notice {
      border-color: CanvasText;
    }
    fieldset.student {
      border-color: CanvasText;
    }
    fieldset.student.away {
      border-inline-start-color: Highlight;
    }
  }
`;
