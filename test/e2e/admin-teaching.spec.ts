import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo } from '../helpers/pages.ts';

// A teacher's absence is declared below (lessons cancelled, families told): a database of its own.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'admin-teaching' } });

interface TeacherClasses {
  teacher: { id: string };
  courses: Array<{ id: string; name: string; students: number }>;
}

/** Mme Roussillon (enseignant.demo) and her classes, as the secretariat's API lists them. */
async function roussillon(page: Page, base: string): Promise<TeacherClasses> {
  const { teachers } = (await (await page.request.get(`${base}/api/admin/teachers`)).json()) as { teachers: Array<{ id: string; lastName: string }> };
  const id = teachers.find((x) => x.lastName === 'Roussillon')!.id;
  return (await (await page.request.get(`${base}/api/admin/teachers/${id}`)).json()) as TeacherClasses;
}

/** axe (WCAG A/AA) on the page as it stands, in the mode the header's toggle is in. */
async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

test.describe('the secretariat reads and corrects what teachers wrote', () => {
  test('keyboard only: a teacher, one of her classes, a roll call corrected and saved', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    const { teacher, courses } = await roussillon(page, server.url);
    const course = courses.find((c) => c.students > 0)!;

    await page.goto(`${server.url}/admin/enseignants/${teacher.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mme Claire Roussillon' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Absences de Mme Claire Roussillon' })).toHaveAttribute('href', `/admin/enseignants/${teacher.id}/absences`);
    await expect(page.getByRole('table', { name: /Classes de Mme Claire Roussillon/ }).getByRole('row')).toHaveCount(courses.length + 1);
    await expectAccessible(page, 'teacher page');

    await tabTo(page, page.getByRole('link', { name: course.name, exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Classe : ${course.name}` })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: `Élèves (${course.students})` })).toBeVisible();

    // The newest past lesson is chosen; its first student marked absent with a reason, with the keyboard.
    const lesson = page.getByRole('combobox', { name: 'Séance' });
    const day = await lesson.inputValue();
    const first = page.getByRole('group').first();
    const student = (await first.locator('legend').textContent())!.trim();
    await tabTo(page, first.getByRole('radio', { name: 'Présent' }));
    await page.keyboard.press('ArrowRight');
    await expect(first.getByRole('radio', { name: 'Absent', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(first.getByRole('textbox', { name: 'Motif' })).toBeFocused();
    await page.keyboard.type('Rendez-vous médical');
    await tabTo(page, page.getByRole('button', { name: 'Enregistrer la correction' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Correction enregistrée' })).toContainText('Correction enregistrée pour la séance du');
    const rollCalls = page.getByRole('table', { name: /Appels de la classe/ });
    await expect(rollCalls).toContainText(`${student} (motif : Rendez-vous médical)`);
    await expectAccessible(page, 'class page after a correction');

    // Saved on the server: read again after a reload, the correction's rows start from it.
    await page.reload();
    await expect(rollCalls).toContainText(`${student} (motif : Rendez-vous médical)`);
    await expect(lesson).toHaveValue(day);
    await expect(page.getByRole('group').first().getByRole('radio', { name: 'Absent', exact: true })).toBeChecked();

    // In the accessibility mode too, and with the error summary of a refused correction (offline).
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await expect(page.getByRole('alert')).toContainText('Pas de réseau : la correction n’est pas enregistrée.');
    await expect(page.getByRole('group').first().getByRole('textbox', { name: 'Motif' })).toHaveValue('Rendez-vous médical');
    await page.context().setOffline(false);
    await expectAccessible(page, 'class page, accessibility mode, offline error');

    // 320 px, in the accessibility mode's larger text: the tables reflow, the radios wrap, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    await expect(rollCalls).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('the messages sent: the SMS of a declared absence to famille.demo’s mobile, then the e-mails', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    const { teacher } = await roussillon(page, server.url);
    // A week from tomorrow: every one of her classes has a lesson in it.
    const from = new Date(Date.now() + 86_400_000);
    const declared = await page.request.post(`${server.url}/api/admin/teachers/${teacher.id}/absences`, {
      data: { startDate: isoDay(from), endDate: isoDay(new Date(from.getTime() + 6 * 86_400_000)), message: 'Stage de formation.' },
    });
    expect(declared.status()).toBe(201);

    await page.goto(`${server.url}/admin`);
    await tabTo(page, page.getByRole('link', { name: 'Messages envoyés' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Messages envoyés' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'SMS' })).toHaveAttribute('aria-selected', 'true');
    const sms = page.getByRole('table', { name: 'SMS envoyés, du plus récent au plus ancien' });
    const toLefevre = sms.getByRole('row').filter({ hasText: '+33639984127' });
    await expect(toLefevre.first()).toContainText('Roussillon');
    await expect(toLefevre.first()).toContainText(/envoyé|remis|en attente|échec|non confirmé/);
    await expectAccessible(page, 'SMS sent');

    await page.getByRole('tab', { name: 'SMS' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'E-mails' })).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/\/admin\/messages\?type=mail$/);
    await expect(page.getByRole('table', { name: 'E-mails envoyés, du plus récent au plus ancien' }).getByRole('row').nth(1)).toBeVisible();

    // 320 px: the rows reflow into cards, no sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/admin/messages`);
    await expect(toLefevre.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
