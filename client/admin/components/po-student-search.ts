import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { STUDENT_SEARCH_MAX } from '../../../shared/course-schemas.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { searchStudents, type FoundStudent } from '../data/courses.ts';

/**
 * Finds a student of the site by name and lets the desk choose one: a labelled search field
 * (Enter or "Rechercher"), then the results as a list of buttons reached with Tab, each naming the
 * student, their family and birth date. How many were found is said in a polite status line.
 * Nothing needs a hover or a double-click.
 *
 * @fires po-student-chosen - `detail: FoundStudent`, the student whose button was pressed
 */
@customElement('po-student-search')
export class PoStudentSearch extends LitElement {
  static override styles = [
    pageStyles,
    css`
      ul.results {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      ul.results li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 0.5rem 0.75rem;
      }
      .who {
        overflow-wrap: anywhere;
      }
      @media (forced-colors: active) {
        ul.results li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** Prefix of the ids inside (one search per page is the rule; two would need different ones). */
  @property({ attribute: 'id-prefix' }) idPrefix = 'student-search';
  /** While an enrolment runs: the choice buttons say so (aria-disabled) and do nothing. */
  @property({ type: Boolean }) busy = false;

  @state() private results: FoundStudent[] | null = null;
  @state() private status = '';
  @state() private error = '';
  private searchNumber = 0;

  /** Empties the field and the results, and puts the focus back in the field (after a choice was made). */
  async reset() {
    this.results = null;
    this.error = '';
    this.status = '';
    await this.updateComplete;
    const input = this.input();
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  override render() {
    const id = this.idPrefix;
    return html`
      <form role="search" novalidate aria-label=${t('adminCourses.search.label')} @submit=${this._onSubmit}>
        <div class="field">
          <label for="${id}-q">${t('adminCourses.search.label')}</label>
          <p class="hint" id="${id}-hint">${t('adminCourses.search.hint')}</p>
          ${this.error ? html`<p class="field-error" id="${id}-error">${this.error}</p>` : nothing}
          <input id="${id}-q" name="q" type="search" autocomplete="off" maxlength=${STUDENT_SEARCH_MAX}
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? `${id}-hint ${id}-error` : `${id}-hint`} />
        </div>
        <div class="actions"><button type="submit">${t('adminCourses.search.submit')}</button></div>
      </form>
      <p role="status">${this.status}</p>
      ${this.results?.length ? this.renderResults(this.results) : nothing}
    `;
  }

  private renderResults(results: FoundStudent[]) {
    return html`<h3 id="${this.idPrefix}-results">${t('adminCourses.search.results')}</h3>
      <ul class="results" aria-labelledby="${this.idPrefix}-results">
        ${results.map((s) => {
          const name = `${s.firstName} ${s.lastName}`;
          return html`<li>
            <span class="who"><strong>${name}</strong> — ${t('adminCourses.page.family', { name: s.familyName })}, ${t('adminCourses.search.born', { date: formatDate(s.birthDate) })}</span>
            <button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.choose(s)}>
              ${t('adminCourses.search.choose')}<span class="visually-hidden"> ${name}</span>
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private input() {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${this.idPrefix}-q`);
  }

  private choose(student: FoundStudent) {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('po-student-chosen', { detail: student, bubbles: true, composed: true }));
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const q = this.input()?.value.trim() ?? '';
    this.error = '';
    if (!q) {
      this.results = null;
      this.error = t('adminCourses.search.empty');
      this.status = '';
      this.input()?.focus();
      return;
    }
    const number = ++this.searchNumber;
    this.status = t('common.loading');
    try {
      const found = await searchStudents(q);
      if (number !== this.searchNumber) return;
      this.results = found.students;
      this.status = !found.total
        ? t('adminCourses.search.none')
        : found.total > found.students.length
          ? t('adminCourses.search.foundMore', { count: found.total, shown: found.students.length })
          : t('adminCourses.search.found', { count: found.total });
    } catch (error) {
      if (number !== this.searchNumber) return;
      this.results = null;
      if (error instanceof OfflineError) this.status = t('adminCourses.search.offline');
      else if (error instanceof HttpError) this.status = error.body.error.fields?.q ?? error.body.error.message;
      else throw error;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-search': PoStudentSearch;
  }
  interface GlobalEventHandlersEventMap {
    'po-student-chosen': CustomEvent<FoundStudent>;
  }
}
