import { html } from 'lit';
import type { CourseTab } from '../data/pedagogy-queries.ts';
import type { HistoryTab } from './po-history-entry-page.ts';

/**
 * The templates the tabbed pedagogy routes render. Each tab is its own route (its own URL), but
 * all of a page's routes must render the SAME template so that Lit keeps the element when the tab
 * changes: the tab that has focus then survives the navigation (ARIA tabs pattern). Kept apart
 * from the page modules so the route table stays free of page code (pages load lazily).
 */
type Params = Record<string, string | undefined>;

export const coursePageTemplate = (p: Params, tab: CourseTab) =>
  html`<po-course-page .studentId=${p.id ?? ''} .courseId=${p.courseId ?? ''} .tab=${tab} .itemId=${p.itemId ?? ''}></po-course-page>`;

export const historyEntryPageTemplate = (p: Params, tab: HistoryTab) =>
  html`<po-history-entry-page .studentId=${p.id ?? ''} .enrollmentId=${p.enrollmentId ?? ''} .tab=${tab}></po-history-entry-page>`;
