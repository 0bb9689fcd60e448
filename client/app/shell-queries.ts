import type { ReactiveControllerHost } from 'lit';
import { LiveQueryController } from '../data/live-query-controller.ts';

/**
 * What the shell shows of the device's data once signed in: the family's name, the students of
 * the menu, and whether a re-enrolment campaign is open today (the menu offers "Réinscription"
 * only then; the page itself still tells the dates of the next or last one). A module of its own, loaded by the shell only when someone is signed in, so that
 * the sign-in page does not download the local database (docs/performance.md).
 */
export function shellQueries(host: ReactiveControllerHost) {
  return {
    students: new LiveQueryController(host, 'menuStudents', () => []),
    families: new LiveQueryController(host, 'signedInFamilies', () => []),
    reenrolmentOpen: new LiveQueryController(host, 'reenrolmentOpenToday', () => []),
  };
}

export type ShellQueries = ReturnType<typeof shellQueries>;
