/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/calendar/components/po-admin-course-events.ts';
import type { PoAdminCourseEvents } from '../../client/calendar/components/po-admin-course-events.ts';
import { until } from '../helpers/until.ts';

const EVENT = {
  id: 'ev-0001', courseId: 'course-01', siteId: 's1', kind: 'concert', title: 'Concert de Noël', date: '2026-12-12', startTime: '18:00', durationMinutes: 90,
  place: 'Auditorium', cancelled: false, createdBy: 'u1', createdAt: '2026-11-01T10:00:00Z', version: 3,
};

const realFetch = window.fetch;
let calls: Array<{ call: string; body?: Record<string, unknown> }> = [];
let events: Array<typeof EVENT> = [];

describe('po-admin-course-events (the desk\'s "Événements" of a course)', () => {
  beforeEach(() => {
    calls = [];
    events = [{ ...EVENT }];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ call: `${init?.method ?? 'GET'} ${String(input)}`, body });
      if (init?.method === 'POST') {
        events.push({ ...EVENT, ...body, id: 'ev-0002' });
        return Response.json({ event: events.at(-1) }, { status: 201 });
      }
      if (init?.method === 'PUT') {
        events = events.map((e) => (String(input).endsWith(e.id) ? { ...e, ...body } : e));
        return Response.json({ event: events[0] });
      }
      return Response.json({ events });
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('lists the events; "Annuler l\'événement" sends it cancelled and shows "Annulé" in words; a new one is added', async () => {
    const el = await fixture<PoAdminCourseEvents>(html`<po-admin-course-events .courseId=${'course-01'}></po-admin-course-events>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('ul.events li'));
    expect(root.querySelector('ul.events li')!.textContent!.replace(/\s+/g, ' ')).to.contain('Concert').and.contain('Concert de Noël').and.contain('18:00').and.contain('Auditorium');
    await expect(el).to.be.accessible();

    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Annuler l’événement'))!;
    expect(cancel.textContent!.replace(/\s+/g, ' ')).to.contain('Concert de Noël', 'the button names its event for a screen reader');
    cancel.click();
    await until(() => root.textContent!.includes('les familles le voient annulé'));
    const put = calls.find((c) => c.call.startsWith('PUT'))!;
    expect(put.call).to.equal('PUT /api/admin/courses/course-01/events/ev-0001');
    expect(put.body).to.deep.include({ cancelled: true, title: 'Concert de Noël', kind: 'concert' });
    await until(() => root.querySelector('ul.events li')!.textContent!.includes('Annulé'));
    expect([...root.querySelectorAll('button')].some((b) => b.textContent!.includes('Rétablir l’événement'))).to.equal(true);

    const form = root.querySelector('po-course-event-form')!.shadowRoot!;
    const type = (id: string, value: string) => {
      const input = form.getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    };
    type('event-title', 'Examen de fin de cycle');
    type('event-date', '2027-05-26');
    type('event-durationMinutes', '700');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // 700 minutes: refused by the shared schema before anything is sent.
    await until(() => !!form.querySelector('[role="alert"]'));
    expect(form.getElementById('event-durationMinutes')!.getAttribute('aria-invalid')).to.equal('true');
    expect(calls.some((c) => c.call.startsWith('POST'))).to.equal(false);
    type('event-durationMinutes', '120');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => calls.some((c) => c.call.startsWith('POST')));
    expect(calls.find((c) => c.call.startsWith('POST'))!.body).to.deep.equal({ kind: 'concert', title: 'Examen de fin de cycle', date: '2027-05-26', startTime: null, durationMinutes: 120, place: '' });
    await until(() => root.querySelectorAll('ul.events li').length === 2);
    expect(form.querySelector('[role="status"]')!.textContent).to.contain('Événement « Examen de fin de cycle » enregistré.');
  });
});
