/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionInfo } from '../../shared/session.ts';
import '../../client/app/po-app-shell.ts';
// What the shell loads with its first signed-in render, defined before the tests look into it.
import '../../client/app/signed-in-shell.ts';
import type { PoAppShell } from '../../client/app/po-app-shell.ts';
import { db, setMeta } from '../../client/data/db.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import { until } from '../helpers/until.ts';

/** The menu's shadow root (the shell's nav lives in po-main-menu). */
const menu = (el: PoAppShell) => el.shadowRoot!.querySelector('po-main-menu')!.shadowRoot!;

const info = (role: SessionInfo['user']['role']): SessionInfo => ({
  user: { id: 'u1', username: 'x', name: 'Camille Test', role, siteId: 's1', siteName: 'Mantes', familyId: role === 'family' ? 'f1' : null, teacherId: null, a11yMode: false, locale: 'fr' },
  expiresAt: new Date().toISOString(),
  idleTimeoutSeconds: 1800,
  idleWarningSeconds: 120,
});

describe('po-app-shell', () => {
  beforeEach(async () => {
    await db.students.clear();
    await db.families.clear();
    await db.reenrolmentCampaigns.clear();
    await setMeta('cursor', 1); // the device's first pull has landed
    syncStatus.set({ online: true, pending: 0, lastSyncAt: null });
  });

  it('signed out: skip link, toggle, no menu, no status region', async () => {
    const el = await fixture<PoAppShell>(html`<po-app-shell><div id="main" tabindex="-1"><h1>Connexion</h1></div></po-app-shell>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('a.skip')!.textContent).to.equal('Aller au contenu');
    expect(root.querySelector('po-a11y-toggle')).to.exist;
    expect(root.querySelector('po-main-menu')).to.equal(null);
    expect(root.querySelector('.menu-button')).to.equal(null);
    expect(root.querySelector('po-status-region')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('family menu: Accueil, Famille, Calendrier, Réinscription (a campaign is open), one entry per student, Accessibilité, Mot de passe, Quitter', async () => {
    await db.reenrolmentCampaigns.put({ id: 'rc1', siteId: 's1', schoolYear: '2099-2100', opensOn: '2000-01-01', closesOn: '2099-12-31', message: '', version: 1 } as never);
    await db.students.bulkPut([
      { id: 's-a', familyId: 'f1', firstName: 'Lucie', lastName: 'Lefèvre' } as never,
      { id: 's-b', familyId: 'f1', firstName: 'Hugo', lastName: 'Lefèvre' } as never,
    ]);
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('family')} path="/famille"><div id="main" tabindex="-1"><h1>Famille</h1></div></po-app-shell>`);
    // The students and the campaign are two live queries: both answered before the menu is read.
    await until(() => menu(el)?.querySelectorAll('nav a[href^="/eleves/"]').length === 2 && !!menu(el).querySelector('nav a[href="/famille/reinscription"]'));
    const nav = menu(el).querySelector('nav')!;
    const labels = Array.from(nav.querySelectorAll('a, button')).map((n) => n.textContent!.trim());
    expect(labels).to.deep.equal(['Accueil', 'Famille', 'Calendrier', 'Réinscription', 'Hugo Lefèvre', 'Lucie Lefèvre', 'Accessibilité', 'Mot de passe', 'Quitter']);
    expect(nav.getAttribute('aria-label')).to.equal('Menu principal');
    expect(nav.querySelector('a[href="/famille"]')!.getAttribute('aria-current')).to.equal('page');
    expect(nav.querySelector('a[href="/accueil"]')!.getAttribute('aria-current')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('no "Réinscription" in the family menu while no campaign is open (none yet, or the last one closed)', async () => {
    await db.reenrolmentCampaigns.put({ id: 'rc0', siteId: 's1', schoolYear: '2001-2002', opensOn: '2001-05-01', closesOn: '2001-06-30', message: '', version: 1 } as never);
    await db.students.bulkPut([{ id: 's-a', familyId: 'f1', firstName: 'Lucie', lastName: 'Lefèvre' } as never]);
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('family')} path="/accueil"><div id="main" tabindex="-1"><h1>Accueil</h1></div></po-app-shell>`);
    await until(() => menu(el)?.querySelectorAll('nav a[href^="/eleves/"]').length === 1);
    const labels = Array.from(menu(el).querySelectorAll('nav a, nav button')).map((n) => n.textContent!.trim());
    expect(labels).to.deep.equal(['Accueil', 'Famille', 'Calendrier', 'Lucie Lefèvre', 'Accessibilité', 'Mot de passe', 'Quitter']);
    // A campaign opens (a pull brings it): the entry comes, live.
    await db.reenrolmentCampaigns.put({ id: 'rc1', siteId: 's1', schoolYear: '2099-2100', opensOn: '2000-01-01', closesOn: '2099-12-31', message: '', version: 1 } as never);
    await until(() => !!menu(el).querySelector('nav a[href="/famille/reinscription"]'));
  });

  it('staff menus have no family entries', async () => {
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('secretariat')}><h1>Secrétariat</h1></po-app-shell>`);
    await el.shadowRoot!.querySelector('po-main-menu')!.updateComplete;
    const labels = Array.from(menu(el).querySelectorAll('nav a, nav button')).map((n) => n.textContent!.trim());
    expect(labels).to.deep.equal(['Secrétariat', 'Accessibilité', 'Mot de passe', 'Quitter']);
    const teacher = await fixture<PoAppShell>(html`<po-app-shell .info=${info('teacher')}></po-app-shell>`);
    await teacher.shadowRoot!.querySelector('po-main-menu')!.updateComplete;
    const teacherLabels = Array.from(menu(teacher).querySelectorAll('nav a, nav button')).map((n) => n.textContent!.trim());
    expect(teacherLabels).to.deep.equal(['Mes classes', 'Mes absences', 'Calendrier', 'Accessibilité', 'Mot de passe', 'Quitter']);
  });

  it('the skip link moves focus to the main region', async () => {
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('teacher')}><div id="main" tabindex="-1"><h1>Mes classes</h1></div></po-app-shell>`);
    const skip = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.skip')!;
    skip.focus();
    await sendKeys({ press: 'Enter' });
    expect(document.activeElement?.id).to.equal('main');
    expect(location.hash).to.equal('');
  });

  it('"Quitter" asks the app to sign out', async () => {
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('teacher')}></po-app-shell>`);
    let asked = 0;
    el.addEventListener('po-sign-out-request', () => asked++);
    await el.shadowRoot!.querySelector('po-main-menu')!.updateComplete;
    const quit = Array.from(menu(el).querySelectorAll('nav button')).find((b) => b.textContent!.trim() === 'Quitter') as HTMLButtonElement;
    quit.click();
    expect(asked).to.equal(1);
  });

  it('the status region says online/offline, what waits, and the last sync', async () => {
    const el = await fixture<PoAppShell>(html`<po-app-shell .info=${info('family')}></po-app-shell>`);
    const region = () => el.shadowRoot!.querySelector('po-status-region')!.shadowRoot!.querySelector('[role="status"]')!;
    await el.shadowRoot!.querySelector('po-status-region')!.updateComplete;
    expect(region().textContent).to.contain('En ligne');
    expect(region().textContent).to.contain('Pas encore synchronisé');
    syncStatus.set({ online: false, pending: 2, lastSyncAt: '2026-11-28T10:15:00.000Z' });
    await el.shadowRoot!.querySelector('po-status-region')!.updateComplete;
    expect(region().textContent).to.contain('Hors ligne');
    expect(region().textContent).to.contain('2 modification(s) en attente d’envoi');
    expect(region().textContent).to.match(/Dernière synchronisation : 28 novembre 2026/);
  });
});
