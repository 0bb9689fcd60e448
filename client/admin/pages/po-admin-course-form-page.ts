import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { courseSchema, WEEKDAYS } from '../../../shared/course-schemas.ts';
import { SCHOOL_YEAR_PATTERN, shiftSchoolYear } from '../../../shared/school-year.ts';
import { navigate } from '../../app/navigate.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatWeekday, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { createCourse, fetchCourse, fetchCourses, updateCourse, type CourseDetail, type CourseList } from '../data/courses.ts';

const FIELDS = ['name', 'departmentId', 'teacherId', 'roomId', 'weekday', 'startTime', 'durationMinutes', 'cycle', 'capacity', 'schoolYear'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = { name: '', departmentId: '', teacherId: '', roomId: '', weekday: '', startTime: '', durationMinutes: '', cycle: '', capacity: '', schoolYear: '' };

/**
 * `/admin/cours/nouveau` (`?annee=` preselects the school year) and `/admin/cours/:courseId/modifier`:
 * a course's form — name, department, teacher and room of the site, day, start time, duration,
 * cycle, places (empty: no limit), school year — checked with the shared schema, errors in the
 * focused summary and next to each field. Saved online only: offline, it says so and keeps what
 * was typed. Once saved, the course's page opens.
 */
@customElement('po-admin-course-form-page')
export class PoAdminCourseFormPage extends PageElement {
  static override styles = [pageStyles];

  /** The course edited (the route's `:courseId`); empty for a new course. */
  @property({ attribute: false }) courseId = '';

  @state() private lists: CourseList | null = null;
  @state() private course: CourseDetail['course'] | null = null;
  @state() private offline = false;
  @state() private missing = false;

  private readonly form = new FormController<Values>(this, { name: 'admin-course', fields: FIELDS, initial: EMPTY });

  override connectedCallback() {
    super.connectedCallback();
    if (!this.courseId) void this.load();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && this.courseId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('adminCourses.form.notFound');
    if (!this.courseId) return t('adminCourses.form.newTitle');
    return this.course ? t('adminCourses.form.editTitle', { name: this.course.name }) : t('adminCourses.form.editHeading');
  }

  private async load() {
    try {
      if (this.courseId) {
        const found = await fetchCourse(this.courseId);
        this.lists = await fetchCourses(found.course.schoolYear);
        this.course = found.course;
        const c = found.course;
        this.form.reset({
          name: c.name, departmentId: c.departmentId, teacherId: c.teacherId ?? '', roomId: c.roomId ?? '',
          weekday: c.weekday ? String(c.weekday) : '', startTime: c.startTime ?? '', durationMinutes: c.durationMinutes ? String(c.durationMinutes) : '',
          cycle: c.cycle, capacity: c.capacity === null ? '' : String(c.capacity), schoolYear: c.schoolYear,
        });
      } else {
        this.lists = await fetchCourses();
        const asked = new URLSearchParams(location.search).get('annee') ?? '';
        if (!this.form.values.schoolYear) this.form.patch({ schoolYear: SCHOOL_YEAR_PATTERN.test(asked) ? asked : this.lists.currentSchoolYear });
      }
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.missing = true;
      else throw error;
    }
  }

  override render() {
    const back = this.courseId ? `/admin/cours/${encodeURIComponent(this.courseId)}/inscriptions` : '/admin/cours';
    if (this.missing) {
      return html`<p><a href="/admin/cours">${t('adminCourses.back')}</a></p>
        <h1>${t('adminCourses.form.notFound')}</h1>
        <p>${t('adminCourses.form.notFoundText')}</p>`;
    }
    return html`
      <p><a href=${back}>${this.courseId ? t('adminCourses.page.heading') + (this.course ? ` ${this.course.name}` : '') : t('adminCourses.back')}</a></p>
      <h1>${this.pageTitle()}</h1>
      <div role="status">
        ${this.offline && !this.lists ? offlineNotice(t('adminCourses.offline'), () => void this.load()) : nothing}
        <p class=${this.form.announcement && !this.form.succeeded ? 'notice warning' : ''}>${this.form.announcement}</p>
      </div>
      ${this.lists ? this.renderForm(this.lists) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
    `;
  }

  private renderForm(lists: CourseList) {
    const f = this.form;
    const years = [-1, 0, 1].map((n) => shiftSchoolYear(lists.currentSchoolYear, n));
    if (f.values.schoolYear && !years.includes(f.values.schoolYear)) years.unshift(f.values.schoolYear);
    const field = (name: keyof Values, labelKey: MessageKey, extra: { hint?: string; inputmode?: string; required?: boolean } = {}) =>
      f.textField({ name, labelKey }, { hint: extra.hint, inputmode: extra.inputmode, required: extra.required ?? false });
    return html`<p>${t('adminCourses.form.intro')}</p>
      ${f.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        ${f.textField({ name: 'name', labelKey: 'adminCourses.form.name', required: true })}
        ${this.select('departmentId', 'adminCourses.form.department', lists.departments.map((d) => [d.id, d.name]))}
        ${this.select('teacherId', 'adminCourses.form.teacher', lists.teachers.map((x) => [x.id, `${x.civility} ${x.firstName} ${x.lastName}`.trim()]))}
        ${this.select('roomId', 'adminCourses.form.room', lists.rooms.map((r) => [r.id, r.building ? `${r.name} (${r.building})` : r.name]))}
        ${this.select('weekday', 'adminCourses.form.weekday', WEEKDAYS.map((d) => [String(d), formatWeekday(d)]))}
        ${field('startTime', 'adminCourses.form.startTime', { hint: t('adminCourses.form.startTimeHint'), required: true })}
        ${field('durationMinutes', 'adminCourses.form.duration', { hint: t('adminCourses.form.durationHint'), inputmode: 'numeric', required: true })}
        ${field('cycle', 'adminCourses.form.cycle', { hint: t('adminCourses.form.cycleHint') })}
        ${field('capacity', 'adminCourses.form.capacity', { hint: t('adminCourses.form.capacityHint'), inputmode: 'numeric' })}
        ${this.select('schoolYear', 'adminCourses.form.schoolYear', years.map((y) => [y, y]), false)}
        <div class="actions">
          <button type="submit" aria-disabled=${f.busy ? 'true' : 'false'}>${this.courseId ? t('adminCourses.form.save') : t('adminCourses.form.create')}</button>
          <a class="button secondary" href=${this.courseId ? `/admin/cours/${encodeURIComponent(this.courseId)}/inscriptions` : '/admin/cours'}>${t('adminCourses.form.cancel')}</a>
        </div>
      </form>`;
  }

  /** A required choice among the site's records (or days, years), with its error next to it. */
  private select(name: keyof Values, labelKey: MessageKey, options: Array<[string, string]>, withEmpty = true): TemplateResult {
    const f = this.form;
    const error = f.error(name);
    const value = f.values[name];
    return html`<div class="field">
      <label for=${name}>${t(labelKey)}<span aria-hidden="true"> *</span></label>
      ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : nothing}
      <select id=${name} name=${name} aria-required="true" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? `${name}-error` : undefined)}
        .value=${live(value)} @change=${(e: Event) => f.set(name, (e.target as HTMLSelectElement).value)}>
        ${withEmpty ? html`<option value="" ?selected=${!value}>${t('adminCourses.form.choose')}</option>` : nothing}
        ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
      </select>
    </div>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const values = this.form.validate(courseSchema);
    if (!values) return;
    const sent = await this.form.submit(
      () => (this.courseId ? updateCourse(this.courseId, this.form.values) : createCourse(this.form.values)),
      {
        pending: t('adminCourses.form.sending'),
        problem: (error) => {
          if (!(error instanceof OfflineError)) return undefined;
          this.form.announce(t('adminCourses.actionOffline'), { again: true });
          return null;
        },
      },
    );
    if (!sent.ok) return;
    const id = sent.value.id;
    navigate(`/admin/cours/${encodeURIComponent(id)}/inscriptions?${this.courseId ? 'modifie' : 'cree'}=1`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-course-form-page': PoAdminCourseFormPage;
  }
}
