/**
 * The demo conservatory's fixed parts: sites, departments, rooms, teachers and the course
 * catalogue offered every school year. All names, addresses and numbers are fictional.
 */

export type SiteKey = 'mantes' | 'limay';

export const SITES: ReadonlyArray<{
  key: SiteKey;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
}> = [
  {
    key: 'mantes',
    name: 'Mantes',
    address: '12 rue de la Musique',
    postalCode: '78200',
    city: 'Mantes-la-Jolie',
    phone: '01 30 00 00 00',
    email: 'secretariat@conservatoire-portee.example',
  },
  {
    key: 'limay',
    name: 'Limay',
    address: '4 place des Arts',
    postalCode: '78520',
    city: 'Limay',
    phone: '01 30 00 00 10',
    email: 'limay@conservatoire-portee.example',
  },
];

export const DEPARTMENTS = [
  'Formation musicale',
  'Polyphoniques',
  'Cordes',
  'Vents',
  'Pratiques collectives',
  'Danse',
] as const;
export type DepartmentName = (typeof DEPARTMENTS)[number];

export const ROOMS: ReadonlyArray<{ key: string; site: SiteKey; name: string; building: string }> = [
  { key: 'faure', site: 'mantes', name: 'Salle Fauré', building: 'Conservatoire de Mantes' },
  { key: 'ravel', site: 'mantes', name: 'Salle Ravel', building: 'Conservatoire de Mantes' },
  { key: 'boulanger', site: 'mantes', name: 'Salle Boulanger', building: 'Conservatoire de Mantes' },
  { key: 'satie', site: 'mantes', name: 'Salle Satie', building: 'Conservatoire de Mantes' },
  { key: 'debussy', site: 'mantes', name: 'Auditorium Debussy', building: 'Conservatoire de Mantes' },
  { key: 'chaminade', site: 'mantes', name: 'Studio Chaminade', building: 'Annexe des Tilleuls' },
  { key: 'poulenc', site: 'limay', name: 'Salle Poulenc', building: 'Maison de la musique de Limay' },
  { key: 'messiaen', site: 'limay', name: 'Salle Messiaen', building: 'Maison de la musique de Limay' },
];

export interface TeacherSeed {
  key: string;
  site: SiteKey;
  civility: 'M.' | 'Mme';
  firstName: string;
  lastName: string;
}

export const TEACHERS: readonly TeacherSeed[] = [
  { key: 'roussillon', site: 'mantes', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon' },
  { key: 'brunel', site: 'mantes', civility: 'Mme', firstName: 'Sophie', lastName: 'Brunel' },
  { key: 'vasseur', site: 'mantes', civility: 'Mme', firstName: 'Hélène', lastName: 'Vasseur' },
  { key: 'castagne', site: 'mantes', civility: 'M.', firstName: 'Rémi', lastName: 'Castagné' },
  { key: 'mercadier', site: 'mantes', civility: 'M.', firstName: 'Antoine', lastName: 'Mercadier' },
  { key: 'queru', site: 'mantes', civility: 'Mme', firstName: 'Isabelle', lastName: 'Quéru' },
  { key: 'delaunay', site: 'mantes', civility: 'M.', firstName: 'Thomas', lastName: 'Delaunay' },
  { key: 'ferrand', site: 'mantes', civility: 'Mme', firstName: 'Nadia', lastName: 'Ferrand' },
  { key: 'carrel', site: 'limay', civility: 'M.', firstName: 'Olivier', lastName: 'Carrel' },
  { key: 'pradier', site: 'limay', civility: 'Mme', firstName: 'Agnès', lastName: 'Pradier' },
];

/** The teacher behind the `enseignant.demo` account. */
export const DEMO_TEACHER_KEY = 'roussillon';

export interface CourseSeed {
  key: string;
  site: SiteKey;
  name: string;
  department: DepartmentName;
  teacher: string;
  room: string;
  cycle: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  durationMinutes: 30 | 45 | 60 | 90;
}

type Row = [key: string, name: string, department: DepartmentName, teacher: string, room: string,
  cycle: string, weekday: number, startTime: string, durationMinutes: CourseSeed['durationMinutes']];

const FM = 'Formation musicale';
const POLY = 'Polyphoniques';
const COLL = 'Pratiques collectives';

const MANTES: Row[] = [
  ['eveil', 'Éveil musical', FM, 'brunel', 'boulanger', '', 6, '10:00', 45],
  ['fm-1c1-a', 'FM 1C1 A', FM, 'roussillon', 'faure', '1C1', 3, '13:30', 60],
  ['fm-1c1-b', 'FM 1C1 B', FM, 'brunel', 'boulanger', '1C1', 6, '11:00', 60],
  ['fm-1c2', 'FM 1C2', FM, 'brunel', 'faure', '1C2', 3, '14:45', 60],
  ['fm-1c3', 'FM 1C3', FM, 'roussillon', 'faure', '1C3', 3, '16:00', 90],
  ['fm-1c4-a', 'FM 1C4 A', FM, 'roussillon', 'faure', '1C4', 1, '17:30', 90],
  ['fm-1c4-b', 'FM 1C4 B', FM, 'brunel', 'boulanger', '1C4', 4, '17:30', 90],
  ['fm-2c1', 'FM 2C1', FM, 'brunel', 'faure', '2C1', 2, '18:00', 90],
  ['fm-2c2', 'FM 2C2', FM, 'brunel', 'boulanger', '2C2', 4, '19:00', 90],
  ['fm-2c3', 'FM 2C3', FM, 'brunel', 'faure', '2C3', 5, '18:00', 90],
  ['piano-1c1', 'Piano 1C1', POLY, 'vasseur', 'ravel', '1C1', 2, '16:30', 30],
  ['piano-1c2', 'Piano 1C2', POLY, 'vasseur', 'ravel', '1C2', 2, '17:00', 30],
  ['piano-1c3', 'Piano 1C3', POLY, 'vasseur', 'ravel', '1C3', 2, '17:30', 45],
  ['piano-1c4', 'Piano 1C4', POLY, 'vasseur', 'ravel', '1C4', 4, '17:00', 45],
  ['piano-2c1', 'Piano 2C1', POLY, 'vasseur', 'ravel', '2C1', 4, '18:00', 60],
  ['guitare-1c2', 'Guitare 1C2', POLY, 'castagne', 'satie', '1C2', 1, '17:00', 30],
  ['guitare-1c3', 'Guitare 1C3', POLY, 'castagne', 'satie', '1C3', 1, '17:30', 45],
  ['violon-1c2', 'Violon 1C2', 'Cordes', 'mercadier', 'satie', '1C2', 4, '16:30', 30],
  ['violon-1c4', 'Violon 1C4', 'Cordes', 'mercadier', 'satie', '1C4', 4, '17:00', 45],
  ['violon-2c1', 'Violon 2C1', 'Cordes', 'mercadier', 'satie', '2C1', 4, '17:45', 45],
  ['violon-2c2', 'Violon 2C2', 'Cordes', 'mercadier', 'satie', '2C2', 4, '18:30', 60],
  ['violon-2c3', 'Violon 2C3', 'Cordes', 'mercadier', 'satie', '2C3', 1, '18:30', 60],
  ['violoncelle-1c1', 'Violoncelle 1C1', 'Cordes', 'queru', 'satie', '1C1', 3, '14:00', 30],
  ['violoncelle-1c3', 'Violoncelle 1C3', 'Cordes', 'queru', 'satie', '1C3', 3, '14:30', 45],
  ['flute-1c1', 'Flûte traversière 1C1', 'Vents', 'delaunay', 'boulanger', '1C1', 2, '16:30', 30],
  ['flute-1c2', 'Flûte traversière 1C2', 'Vents', 'delaunay', 'boulanger', '1C2', 2, '17:00', 30],
  ['flute-1c3', 'Flûte traversière 1C3', 'Vents', 'delaunay', 'boulanger', '1C3', 2, '17:30', 45],
  ['chorale-1', 'Chorale 1er cycle', COLL, 'roussillon', 'boulanger', '', 3, '17:30', 60],
  ['orchestre-cordes', 'Orchestre à cordes', COLL, 'mercadier', 'debussy', '', 6, '14:00', 90],
  ['ensemble-vents', 'Ensemble à vents', COLL, 'delaunay', 'debussy', '', 5, '18:30', 90],
  ['danse-classique-1c2', 'Danse classique 1C2', 'Danse', 'ferrand', 'chaminade', '1C2', 3, '15:00', 60],
  ['danse-contemporaine-1c3', 'Danse contemporaine 1C3', 'Danse', 'ferrand', 'chaminade', '1C3', 3, '16:15', 90],
];

const LIMAY: Row[] = [
  ['limay-fm-1c2', 'FM 1C2', FM, 'carrel', 'poulenc', '1C2', 3, '14:00', 60],
  ['limay-fm-1c3', 'FM 1C3', FM, 'carrel', 'poulenc', '1C3', 3, '15:15', 90],
  ['limay-chorale', 'Chorale enfants', COLL, 'carrel', 'poulenc', '', 3, '17:00', 60],
  ['limay-piano-1c2', 'Piano 1C2', POLY, 'pradier', 'messiaen', '1C2', 4, '17:00', 30],
  ['limay-piano-1c3', 'Piano 1C3', POLY, 'pradier', 'messiaen', '1C3', 4, '17:30', 45],
];

const toSeed = (site: SiteKey) => (row: Row): CourseSeed => {
  const [key, name, department, teacher, room, cycle, weekday, startTime, durationMinutes] = row;
  return { key, site, name, department, teacher, room, cycle, weekday, startTime, durationMinutes };
};

/** Offered in each of the four seeded school years, with the same teachers and rooms. */
export const COURSES: readonly CourseSeed[] = [...MANTES.map(toSeed('mantes')), ...LIMAY.map(toSeed('limay'))];
