import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

/**
 * The Content-Security-Policy (server/http/security-headers.ts) allows no inline style: every
 * screen must draw without one violation (Lit adopts its stylesheets, no template sets `style=`).
 * A violation is collected from the `securitypolicyviolation` event (composed: shadow roots
 * included) and from the console.
 */
async function collectViolations(page: Page) {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  return {
    async take(): Promise<string[]> {
      const events = await page.evaluate(() => {
        const w = window as unknown as { __cspViolations: string[] };
        return w.__cspViolations.splice(0);
      });
      return [...events, ...console.splice(0)];
    },
  };
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

test.describe('Content-Security-Policy', () => {
  test('the family’s screens draw without a CSP violation; an inline style would be reported', async ({ page, server }) => {
    const violations = await collectViolations(page);
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    expect(await violations.take()).toEqual([]);

    // The probe: the policy refuses a style attribute, and this test sees it.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="csp-probe" style="color: red">probe</p>'));
    await expect.poll(async () => (await violations.take()).join('\n')).toMatch(/style-src/);
    await page.evaluate(() => document.getElementById('csp-probe')?.remove());

    const student = (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
    await visit(page, `${server.url}/famille/facturation`);
    const invoice = (await page.getByRole('link', { name: /^Voir la facture / }).first().getAttribute('href'))!;
    const routes = ['/accueil', '/famille', '/famille/eleves', student, `${student}/cours`, `${student}/historique`, `${student}/repertoire`, `${student}/documents`, '/famille/documents', '/famille/facturation', invoice, '/mot-de-passe', '/accessibilite'];
    for (const route of routes) {
      await visit(page, `${server.url}${route}`);
      expect(await violations.take(), route).toEqual([]);
    }
    // The accessibility mode switches tokens through a class: still nothing inline.
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
    await visit(page, `${server.url}/famille/facturation`);
    expect(await violations.take(), 'accessibility mode').toEqual([]);
  });

  test('the secretariat’s and the teacher’s screens draw without a CSP violation', async ({ page, server }) => {
    const violations = await collectViolations(page);
    await signInThroughForm(page, server.url, 'secretariat');
    for (const route of ['/admin', '/admin/facturation', '/admin/demandes', '/admin/familles', '/admin/documents', '/admin/documents/types']) {
      await visit(page, `${server.url}${route}`);
      expect(await violations.take(), route).toEqual([]);
    }
    await page.getByRole('button', { name: 'Quitter' }).click();
    await page.waitForURL(`${server.url}/connexion`);
    await signInThroughForm(page, server.url, 'teacher');
    await visit(page, `${server.url}/enseignant`);
    expect(await violations.take(), '/enseignant').toEqual([]);
  });

  test('the secretariat’s PDF preview still renders in Chrome’s viewer under its sandboxed policy', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'family');
    const id = await page.evaluate(async () => {
      const pull = await (await fetch('/api/sync?cursor=0')).json();
      const kind = pull.changes.documentKinds[0].id as string;
      const bytes = new TextEncoder().encode(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      );
      const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
      const form = new FormData();
      form.set('kindId', kind);
      form.set('idempotencyKey', `csp-preview-test:1:${hash}`);
      form.set('file', new File([bytes], 'apercu-quittance.pdf', { type: 'application/pdf' }));
      const res = await fetch('/api/documents', { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { document: { id: string } }).document.id;
    });

    // The family asking for a preview gets a download, never the PDF in a tab.
    const family = await page.request.get(`${server.url}/api/documents/${id}/file?apercu=1`);
    expect(family.headers()['content-disposition']).toMatch(/^attachment; /);

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signInThroughForm(adminPage, server.url, 'secretariat');
    const headers = (await adminPage.request.get(`${server.url}/api/admin/documents/${id}/file?apercu=1`)).headers();
    expect(headers['content-disposition']).toMatch(/^inline; /);
    expect(headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    await adminPage.goto(`${server.url}/api/admin/documents/${id}/file?apercu=1`);
    // Chrome's viewer (an extension frame) titles its toolbar with the file name once the PDF loaded.
    await expect
      .poll(
        async () => {
          const viewer = adminPage.frames().find((f) => f.url().startsWith('chrome-extension://'));
          if (!viewer) return '';
          return viewer
            .evaluate(() => document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('viewer-toolbar')?.shadowRoot?.textContent ?? '')
            .catch(() => '');
        },
        { timeout: 15_000 },
      )
      .toContain('apercu-quittance.pdf');
    await admin.close();
  });
});
