import type { Page } from '@playwright/test';
import { expect } from '../test/helpers/fixtures.ts';
import type { DemoRole } from '../test/helpers/pages.ts';
import { schoolYearOf } from '../shared/school-year.ts';

/**
 * What the audit and the layout tests (test/e2e/reflow.spec.ts, forced-colors.spec.ts) share to
 * visit the screens of a11y/routes.ts: the mode switch, and the real ids behind each route's
 * placeholders.
 */

export type Mode = 'normal' | 'accessibilité';
export const MODES: readonly Mode[] = ['normal', 'accessibilité'];

/** Sets the accessibility mode through its header toggle (stored in the account once signed in). */
export async function setMode(page: Page, mode: Mode) {
  const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
  const pressed = (await toggle.getAttribute('aria-pressed')) === 'true';
  if (pressed !== (mode === 'accessibilité')) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', mode === 'accessibilité' ? 'true' : 'false');
}

/** Real ids for the pedagogy screens' placeholders, from the links of Hugo Lefèvre's pages, an invoice and the school year. */
async function readPedagogyIds(page: Page, base: string): Promise<Record<string, string>> {
  await page.goto(`${base}/accueil`);
  const hugo = (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
  const ids: Record<string, string> = { student: hugo.split('/').pop()! };
  for (const [key, section] of [['course', 'cours'], ['enrollment', 'historique'], ['entry', 'repertoire']]) {
    await page.goto(`${base}${hugo}/${section}`);
    const href = await page.locator('main table a, #main table a').first().getAttribute('href');
    ids[key] = href!.split('/').pop()!;
  }
  // One line of each of the course sheet's tabs, and an invoice.
  for (const [key, tab] of [['note', 'suivi'], ['evaluation', 'evaluations'], ['absence', 'absences']]) {
    await page.goto(`${base}${hugo}/cours/${ids.course}/${tab}`);
    const href = await page.locator('main table a, #main table a').first().getAttribute('href');
    ids[key] = href!.split('/').pop()!;
  }
  await page.goto(`${base}/famille/facturation`);
  ids.invoice = (await page.getByRole('link', { name: /^Voir la facture / }).first().getAttribute('href'))!.split('/').pop()!;
  // The demo's data is laid out around today's school year (server/db/seed/demo-context.ts); a path writes it "2026-2027".
  ids.year = schoolYearOf(new Date()).replace('/', '-');
  return ids;
}

/** A class of the teacher and one of its lesson days, from the links of /enseignant and the class's page. */
async function readTeacherIds(page: Page, base: string): Promise<Record<string, string>> {
  // The classes come with the first sync (waited for by its result: a narrow shell hides the sync time).
  const firstClass = page.locator('#main a[href^="/enseignant/cours/"]').first();
  await firstClass.waitFor({ timeout: 20_000 });
  const classHref = (await firstClass.getAttribute('href'))!;
  await page.goto(`${base}${classHref}`);
  const lessonHref = (await page.locator('#main a[href*="/appel/"]').first().getAttribute('href'))!;
  return { course: classHref.split('/').pop()!, lesson: lessonHref.split('/').pop()! };
}

/** A family, a teacher with classes and one of their classes, as the secretariat's API lists them. */
async function readFamilyId(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const families = (await (await fetch('/api/admin/billing/families')).json()) as Array<{ id: string }>;
    const { teachers } = (await (await fetch('/api/admin/teachers')).json()) as { teachers: Array<{ id: string; courses: number }> };
    const teacher = teachers.find((t) => t.courses > 0)!;
    const { courses } = (await (await fetch(`/api/admin/teachers/${teacher.id}`)).json()) as { courses: Array<{ id: string }> };
    return { family: families[0].id, teacher: teacher.id, course: courses[0].id };
  });
}

/**
 * The ids for the role's placeholders: Hugo Lefèvre's (he has courses, history and repertoire) for
 * the family, read from his pages' links; a family, teacher and class for the secretariat; a class
 * and lesson day for the teacher.
 */
export function readRouteIds(page: Page, base: string, role: DemoRole): Promise<Record<string, string>> {
  if (role === 'family') return readPedagogyIds(page, base);
  if (role === 'secretariat') return readFamilyId(page);
  return readTeacherIds(page, base);
}

/** A route of a11y/routes.ts with its placeholders replaced (`studentHref`: the family's first student). */
export function withRouteIds(route: string, ids: Record<string, string>, studentHref: string | null): string {
  const withIds = route.includes('/eleves/:student/') && ids.student ? route.replace(':student', ids.student) : route;
  return withIds
    .replace('/eleves/:student', studentHref ?? '/eleves/x')
    .replace(/:(course|enrollment|entry|note|evaluation|absence|invoice|family|lesson|teacher|year)\b/g, (_, k: string) => ids[k] ?? 'x');
}
