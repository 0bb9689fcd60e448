import type { FamilySeed } from './demo-people.ts';

/**
 * Families without an account whose children fill Mme Roussillon's classes, so the teacher's roll
 * call, evaluations and the absence notices have a real class to work on (a roll call of one
 * student shows nothing). Names, addresses and the 06 39 98 numbers are fictional; some families
 * chose SMS, some did not, one has no mobile.
 */
const CLASSMATES: Array<[last: string, adult: string, child: string, civility: 'M.' | 'Mme', age: number, day: string, courses: string[], sms: boolean, mobile: string]> = [
  ['Benali', 'Samia', 'Rayan', 'M.', 8, '02-11', ['fm-1c1-a', 'chorale-1'], true, '06 39 98 30 11'],
  ['Perrin', 'Claire', 'Jade', 'Mme', 8, '06-23', ['fm-1c1-a', 'chorale-1'], false, '06 39 98 30 12'],
  ['Moreau', 'Thomas', 'Gabriel', 'M.', 7, '09-30', ['fm-1c1-a'], true, '06 39 98 30 13'],
  ['Diallo', 'Aminata', 'Aïssa', 'Mme', 8, '12-04', ['fm-1c1-a', 'chorale-1'], true, '06 39 98 30 14'],
  ['Lambert', 'Sophie', 'Arthur', 'M.', 9, '04-19', ['fm-1c1-a'], false, ''],
  ['Nguyen', 'Minh', 'Léa', 'Mme', 11, '01-08', ['fm-1c4-a', 'chorale-1'], true, '06 39 98 30 16'],
  ['Fontaine', 'Julie', 'Nathan', 'M.', 12, '07-27', ['fm-1c4-a'], false, '06 39 98 30 17'],
  ['Rousseau', 'Marc', 'Camille', 'Mme', 11, '10-15', ['fm-1c4-a', 'chorale-1'], true, '06 39 98 30 18'],
  ['Girard', 'Hélène', 'Paul', 'M.', 12, '03-03', ['fm-1c4-a'], true, '06 39 98 30 19'],
  ['Mercier', 'Nadia', 'Zoé', 'Mme', 10, '05-21', ['fm-1c3', 'chorale-1'], false, '06 39 98 30 20'],
];

export const CLASSMATE_FAMILIES: FamilySeed[] = CLASSMATES.map(([lastName, adult, child, civility, age, birthDay, courses, smsOptIn, mobile], i) => ({
  key: `classmate-${lastName.toLowerCase()}`,
  site: 'mantes',
  civility: i % 2 ? 'M.' : 'Mme',
  firstName: adult,
  lastName,
  address: `${10 + i} rue des Tilleuls`,
  postalCode: '78200',
  city: 'Mantes-la-Jolie',
  phoneHome: '',
  phoneWork: '',
  mobile,
  email: `${adult.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '')}.${lastName.toLowerCase()}@example.org`,
  smsOptIn: smsOptIn && mobile !== '',
  students: [
    {
      key: child.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, ''),
      civility,
      firstName: child,
      age,
      birthDay,
      birthPlace: 'Mantes-la-Jolie',
      school: age < 11 ? 'École élémentaire des Tilleuls' : 'Collège des Coteaux',
      schoolLevel: '',
      enrollments: courses.map((course) => ({ year: 0, course })),
    },
  ],
}));
