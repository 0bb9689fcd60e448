import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { addDays, mondayOf } from '../../../shared/calendar.ts';
import { session } from '../../app/session.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { localToday } from '../../../shared/lesson-dates.ts';
import '../components/po-calendar-feed.ts';
import '../components/po-calendar-week-list.ts';
import type { CalendarViewer } from '../data/calendar-queries.ts';

/**
 * `/calendrier`, for families and teachers (the content follows the role): the week's lessons
 * (cancelled ones marked "Annulé") and the courses' events as a list by day, read from the device
 * (offline too); "Semaine précédente", "Cette semaine", "Semaine suivante" move through the weeks
 * (buttons: the focus stays where it was, and the new week is announced politely; the week is
 * kept in the address, `?semaine=2026-12-07`, so a reload or a shared link shows it); then
 * "S'abonner au calendrier", the personal feed (po-calendar-feed). Before the first sync:
 * po-data-pending, never "nothing this week".
 */
/** The Monday of the week an address asks for (`?semaine=` any day of it), else of this week. */
function weekAsked(search: string): string {
  const asked = new URLSearchParams(search).get('semaine') ?? '';
  const noon = Date.parse(asked + 'T12:00:00Z');
  // 2026-02-31 parses to NaN here, and a rolled-over day would not give back the same text.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(noon) && new Date(noon).toISOString().slice(0, 10) === asked;
  return mondayOf(valid ? asked : localToday());
}

@customElement('po-calendar-page')
export class PoCalendarPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
      nav .actions {
        margin-block: 0.5rem;
      }
    `,
  ];

  /** The Monday of the week shown. */
  @state() private monday = weekAsked(location.search);
  private readonly data = new LiveQueryController(this, 'calendarWeek', () => [this.viewer(), this.monday]);

  private viewer(): CalendarViewer {
    const user = session.value.info?.user;
    return user?.role === 'teacher' ? { role: 'teacher', teacherId: user.teacherId ?? '' } : { role: 'family' };
  }

  protected pageTitle() {
    return t('calendar.title');
  }

  private go(monday: string) {
    if (monday === this.monday) return;
    this.monday = monday;
    // Replaced, not pushed: "Back" leaves the calendar rather than stepping through the weeks.
    const url = new URL(location.href);
    if (monday === mondayOf(localToday())) url.searchParams.delete('semaine');
    else url.searchParams.set('semaine', monday);
    history.replaceState(history.state, '', url);
    this.data.refresh();
  }

  override render() {
    const d = this.data.value;
    const teacher = this.viewer().role === 'teacher';
    const heading = t('calendar.weekOf', { from: formatDate(this.monday, { day: 'numeric', month: 'long' }), to: formatDate(addDays(this.monday, 6)) });
    const count = d ? d.days.reduce((n, day) => n + day.entries.length, 0) : 0;
    return html`
      <h1>${t('calendar.title')}</h1>
      <p>${teacher ? t('calendar.introTeacher') : t('calendar.intro')}</p>
      <section aria-labelledby="week-title">
        <h2 id="week-title">${heading}</h2>
        <nav aria-label=${t('calendar.weekNav')}>
          <div class="actions">
            <button type="button" class="secondary" @click=${() => this.go(addDays(this.monday, -7))}>${t('calendar.previous')}</button>
            <button type="button" class="secondary" aria-pressed=${this.monday === mondayOf(localToday()) ? 'true' : 'false'} @click=${() => this.go(mondayOf(localToday()))}>
              ${t('calendar.thisWeek')}
            </button>
            <button type="button" class="secondary" @click=${() => this.go(addDays(this.monday, 7))}>${t('calendar.next')}</button>
          </div>
        </nav>
        ${d
          ? html`<p role="status" aria-live="polite" class="visually-hidden">${heading} : ${t('calendar.weekSummary', { count })}</p>
              ${d.hasCourses ? html`<po-calendar-week-list .days=${d.days}></po-calendar-week-list>` : html`<p>${t('calendar.noCourses')}</p>`}`
          : html`<po-data-pending></po-data-pending>`}
      </section>
      <section aria-labelledby="feed-title">
        <h2 id="feed-title">${t('calendar.feed.title')}</h2>
        <po-calendar-feed></po-calendar-feed>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-calendar-page': PoCalendarPage;
  }
}
