import type { FamilySeed } from './demo-people.ts';

/**
 * The families other than `famille.demo`: Martin (its own account, shares the Chorale 1er cycle
 * with Hugo Lefèvre), Garnier at Limay (site isolation), and a few Mantes families without an
 * account so that classes and the secretariat's lists look lived in.
 */

export const MARTIN: FamilySeed = {
  key: 'martin',
  site: 'mantes',
  civility: 'M.',
  firstName: 'Julien',
  lastName: 'Martin',
  address: '27 rue des Écoles',
  postalCode: '78200',
  city: 'Mantes-la-Jolie',
  phoneHome: '01 34 00 67 12',
  phoneWork: '',
  mobile: '06 39 98 20 54',
  email: 'julien.martin@example.org',
  smsOptIn: false,
  students: [
    {
      key: 'theo',
      civility: 'M.',
      firstName: 'Théo',
      age: 10,
      birthDay: '10-09',
      birthPlace: 'Mantes-la-Jolie',
      school: 'École élémentaire des Tilleuls',
      schoolLevel: 'CM2',
      enrollments: [
        {
          year: 0,
          course: 'fm-1c3',
          notes: [{ day: '10-07', text: 'Théo participe volontiers ; revoir les intervalles pour la semaine prochaine.' }],
          evaluations: [{ day: '11-18', kind: 'Contrôle continu', mark: '13/20', comment: 'Lecture correcte, rythme à travailler.' }],
          absences: [{ day: '11-04', excused: true, reason: "Rendez-vous chez l'orthodontiste" }],
        },
        { year: 0, course: 'chorale-1' },
      ],
    },
  ],
};

export const GARNIER: FamilySeed = {
  key: 'garnier',
  site: 'limay',
  civility: 'Mme',
  firstName: 'Élodie',
  lastName: 'Garnier',
  address: '5 rue du Moulin',
  postalCode: '78520',
  city: 'Limay',
  phoneHome: '01 34 00 88 31',
  phoneWork: '',
  mobile: '06 39 98 75 40',
  email: 'elodie.garnier@example.org',
  smsOptIn: true,
  students: [
    {
      key: 'ines',
      civility: 'Mme',
      firstName: 'Inès',
      age: 11,
      birthDay: '12-03',
      birthPlace: 'Meulan-en-Yvelines',
      school: 'Collège du Moulin',
      schoolLevel: '6e',
      enrollments: [
        {
          year: 0,
          course: 'limay-piano-1c3',
          notes: [{ day: '10-08', text: 'Inès a bien travaillé sa pièce de Kabalevsky ; soigner les fins de phrases.' }],
          evaluations: [{ day: '11-19', kind: 'Contrôle continu', appreciation: 'Bien' }],
        },
        { year: 0, course: 'limay-fm-1c3' },
        { year: -1, course: 'limay-piano-1c2', yearComment: 'Bonne année, passage en 1C3.' },
      ],
    },
  ],
};

export const OTHER_MANTES_FAMILIES: FamilySeed[] = [
  {
    key: 'haddad',
    site: 'mantes',
    civility: 'M.',
    firstName: 'Karim',
    lastName: 'Haddad',
    address: '3 impasse des Vignes',
    postalCode: '78200',
    city: 'Mantes-la-Jolie',
    phoneHome: '01 34 00 35 90',
    phoneWork: '',
    mobile: '06 39 98 11 62',
    email: 'karim.haddad@example.org',
    smsOptIn: true,
    students: [
      {
        key: 'yanis', civility: 'M.', firstName: 'Yanis', age: 12, birthDay: '03-17', birthPlace: 'Mantes-la-Jolie',
        school: 'Collège des Coteaux', schoolLevel: '5e',
        enrollments: [{ year: 0, course: 'guitare-1c3' }, { year: 0, course: 'fm-1c4-b' }],
      },
      {
        key: 'lina', civility: 'Mme', firstName: 'Lina', age: 9, birthDay: '09-02', birthPlace: 'Mantes-la-Jolie',
        school: 'École élémentaire des Tilleuls', schoolLevel: 'CM1',
        enrollments: [{ year: 0, course: 'danse-classique-1c2' }, { year: 0, course: 'fm-1c2' }],
      },
    ],
  },
  {
    key: 'marchand',
    site: 'mantes',
    civility: 'Mme',
    firstName: 'Aurélie',
    lastName: 'Marchand',
    address: '14 boulevard de la Seine',
    postalCode: '78200',
    city: 'Mantes-la-Jolie',
    phoneHome: '',
    phoneWork: '01 39 00 72 44',
    mobile: '06 39 98 52 18',
    email: 'aurelie.marchand@example.org',
    smsOptIn: false,
    students: [
      {
        key: 'chloe', civility: 'Mme', firstName: 'Chloé', age: 14, birthDay: '11-25', birthPlace: 'Saint-Germain-en-Laye',
        school: 'Collège des Coteaux', schoolLevel: '3e',
        enrollments: [{ year: 0, course: 'flute-1c3' }, { year: 0, course: 'fm-2c1' }, { year: 0, course: 'ensemble-vents' }],
      },
    ],
  },
  {
    key: 'bonnet',
    site: 'mantes',
    civility: 'Mme',
    firstName: 'Nathalie',
    lastName: 'Bonnet',
    address: '6 rue des Glycines',
    postalCode: '78711',
    city: 'Mantes-la-Ville',
    phoneHome: '01 34 00 49 03',
    phoneWork: '',
    mobile: '06 39 98 30 87',
    email: 'nathalie.bonnet@example.org',
    smsOptIn: true,
    students: [
      {
        key: 'louis', civility: 'M.', firstName: 'Louis', age: 11, birthDay: '05-08', birthPlace: 'Mantes-la-Jolie',
        school: 'Collège des Coteaux', schoolLevel: '6e',
        enrollments: [{ year: 0, course: 'violoncelle-1c3' }, { year: 0, course: 'fm-1c3' }, { year: 0, course: 'orchestre-cordes' }],
      },
      {
        key: 'emma', civility: 'Mme', firstName: 'Emma', age: 8, birthDay: '01-30', birthPlace: 'Mantes-la-Jolie',
        school: 'École élémentaire des Glycines', schoolLevel: 'CE2',
        enrollments: [{ year: 0, course: 'fm-1c1-b' }, { year: 0, course: 'danse-classique-1c2' }],
      },
    ],
  },
  {
    key: 'roche',
    site: 'mantes',
    civility: 'M.',
    firstName: 'Vincent',
    lastName: 'Roche',
    address: '41 avenue du Général-Leclerc',
    postalCode: '78200',
    city: 'Mantes-la-Jolie',
    phoneHome: '01 34 00 93 26',
    phoneWork: '01 39 00 14 80',
    mobile: '06 39 98 97 35',
    email: 'vincent.roche@example.org',
    smsOptIn: false,
    students: [
      {
        key: 'adam', civility: 'M.', firstName: 'Adam', age: 15, birthDay: '07-14', birthPlace: 'Mantes-la-Jolie',
        school: 'Lycée des Bords-de-Seine', schoolLevel: 'Seconde',
        enrollments: [
          { year: 0, course: 'piano-2c1' },
          { year: 0, course: 'fm-2c1' },
          { year: -1, course: 'piano-1c4', yearComment: 'Fin de 1er cycle obtenue avec mention bien.' },
        ],
      },
    ],
  },
];
