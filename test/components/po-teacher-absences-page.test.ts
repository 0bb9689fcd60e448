/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/teacher/pages/po-teacher-absences-page.ts';
import type { PoTeacherAbsencesPage } from '../../client/teacher/pages/po-teacher-absences-page.ts';
import { until } from '../helpers/until.ts';

const absence = (id: string, startDate: string, endDate: string, message: string, withdrawn = false) => ({
  id, siteId: 's1', teacherId: 't1', startDate, endDate, message, revision: 1, withdrawn, createdAt: `${startDate}T08:00:00.000Z`, version: 1,
});

/** The server as the page's requests meet it: offline, or answering the teacher's absence routes. */
let online = false;
let requests: Array<{ method: string; url: string; body?: unknown }> = [];
/** Pulls asked for (each write is followed by one). */
let pulls = 0;
const realFetch = window.fetch;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!online) throw new TypeError('Failed to fetch');
  if (url.startsWith('/api/sync')) {
    pulls++;
    return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  }
  const method = init?.method ?? 'GET';
  requests.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
  if (url === '/api/teacher/absences' && method === 'POST') {
    const body = JSON.parse(String(init!.body)) as { startDate: string; endDate: string; message: string };
    return Response.json(
      {
        absence: absence('new-absence', body.startDate, body.endDate, body.message),
        cancelledLessons: [{ courseId: 'course-1', courseName: 'FM 1C1 A', date: body.startDate }, { courseId: 'course-2', courseName: 'Chorale 1er cycle', date: body.startDate }],
        notifiedFamilies: 14,
      },
      { status: 201 },
    );
  }
  if (url.startsWith('/api/teacher/absences/') && method === 'DELETE') return Response.json({ absence: { ...absence('a-active', '2026-12-09', '2026-12-11', 'Stage'), withdrawn: true } });
  return new Response(null, { status: 404 });
}

async function render() {
  const el = await fixture<PoTeacherAbsencesPage>(html`<po-teacher-absences-page></po-teacher-absences-page>`);
  const root = el.shadowRoot!;
  await until(() => !!root.querySelector('table') || root.textContent!.includes('aucune absence'));
  const button = (name: string | RegExp) =>
    [...root.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!.trim())))!;
  const input = (id: string) => root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const status = () => root.querySelector('[role="status"]')!.textContent!.trim();
  /** Opens the form and types one day's absence. */
  const fill = async (day: string, message: string) => {
    button('Déclarer une absence').click();
    await until(() => !!root.getElementById('absence-startDate'));
    type('absence-startDate', day);
    type('absence-endDate', day);
    type('absence-message', message);
  };
  return { el, root, button, input, fill, status };
}

describe('po-teacher-absences-page', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    await setMeta('cursor', 1);
    await db.teacherAbsences.bulkPut([absence('a-old', '2026-10-05', '2026-10-05', '', true), absence('a-active', '2026-12-09', '2026-12-11', 'Stage de direction de chœur'), absence('a-other', '2026-12-01', '2026-12-01', 'Pas à moi')]);
    await db.teacherAbsences.update('a-other', { teacherId: 'someone-else' });
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'prof', name: 'Prof', role: 'teacher', siteId: 's1', siteName: 'Mantes', familyId: null, teacherId: 't1', a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
    online = false;
    requests = [];
    pulls = 0;
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('lists the teacher’s own absences, latest first, withdrawn ones said so in words; the form opens from its button', async () => {
    const { el, root, button } = await render();
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['du 9 décembre 2026 au 11 décembre 2026', 'le 5 octobre 2026']);
    expect(rows[0].textContent).to.contain('Stage de direction de chœur').and.contain('Déclarée');
    expect(rows[1].textContent).to.contain('Retirée');
    expect(rows[1].querySelector('button')).to.equal(null, 'a withdrawn absence cannot be withdrawn again');
    await expect(el).to.be.accessible();

    const declare = button('Déclarer une absence');
    expect(declare.getAttribute('aria-expanded')).to.equal('false');
    expect(declare.hasAttribute('aria-controls')).to.equal(false, 'aria-controls names no element while the form is closed');
    declare.click();
    await until(() => root.activeElement?.id === 'absence-startDate');
    expect(declare.getAttribute('aria-expanded')).to.equal('true');
    expect(root.getElementById(declare.getAttribute('aria-controls')!)).to.not.equal(null);
    expect([...root.querySelectorAll('form label')].map((l) => l.textContent!.replace('*', '').trim())).to.deep.equal(['Du', 'Au', 'Message aux familles']);
    button('Déclarer l’absence').click();
    await until(() => !!root.getElementById('error-summary') && root.activeElement === root.getElementById('error-summary'));
    expect([...root.querySelectorAll('#error-summary a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#absence-startDate', '#absence-endDate']);
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offline: says declaring needs the network, and what was typed stays', async () => {
    const { root, button, input, fill } = await render();
    await fill('2026-12-16', 'Rattrapage samedi.');
    button('Déclarer l’absence').click();
    await until(() => root.getElementById('error-summary')?.textContent?.includes('demande le réseau') ?? false);
    expect(root.activeElement).to.equal(root.getElementById('error-summary'));
    expect(input('absence-startDate').value).to.equal('2026-12-16');
    expect(input('absence-message').value).to.equal('Rattrapage samedi.');
  });

  it('online: declared, announced with what it cancelled, the cancelled lessons listed, the form closed and the focus back on its button', async () => {
    online = true;
    const { root, button, fill, status } = await render();
    await fill('2026-12-16', 'Rattrapage samedi.');
    button('Déclarer l’absence').click();
    await until(() => status().includes('Absence déclarée'));
    expect(status()).to.contain('2 séance(s) annulée(s), 14 famille(s) prévenue(s)');
    expect(requests.find((r) => r.method === 'POST')!.body).to.deep.equal({ startDate: '2026-12-16', endDate: '2026-12-16', message: 'Rattrapage samedi.' });
    const cancelled = [...root.querySelectorAll('#cancelled-title + ul li')].map((li) => li.textContent);
    expect(cancelled).to.deep.equal(['FM 1C1 A — mercredi 16 décembre 2026', 'Chorale 1er cycle — mercredi 16 décembre 2026']);
    expect(root.getElementById('absence-startDate')).to.equal(null);
    expect(root.activeElement).to.equal(button('Déclarer une absence'));
    await until(() => pulls > 0);
  });

  it('withdrawing asks first with a second, focused button; "Garder" goes back; confirming sends it', async () => {
    online = true;
    const { el, root, button, status } = await render();
    button(/^Retirer/).click();
    await until(() => root.activeElement === button(/^Confirmer le retrait/));
    expect(requests.filter((r) => r.method === 'DELETE')).to.have.length(0);
    await expect(el).to.be.accessible();
    button('Garder l’absence').click();
    await until(() => root.activeElement === button(/^Retirer/));
    button(/^Retirer/).click();
    await until(() => !!button(/^Confirmer le retrait/));
    button(/^Confirmer le retrait/).click();
    await until(() => status().includes('retirée'));
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).to.deep.equal(['/api/teacher/absences/a-active']);
    expect(root.activeElement).to.equal(root.getElementById('list-title'));
    await until(() => pulls > 0);
  });
});
