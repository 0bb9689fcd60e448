import type { EnrollmentSeed } from './demo-people.ts';

/** Hugo Lefèvre's three earlier years (piano and formation musicale, chorale last year). */
export const HUGO_HISTORY: EnrollmentSeed[] = [
  {
    year: -1,
    course: 'piano-1c3',
    yearComment: 'Très belle année : Hugo a gagné en aisance et en musicalité. Passage en 1C4 accordé.',
    evaluations: [
      { day: '12-10', kind: 'Audition', appreciation: 'Très bien', comment: '« Rêverie » jouée avec beaucoup de sensibilité.' },
      { day: '06-13', kind: "Examen de fin d'année", mark: '16/20', comment: 'Jury unanime sur la qualité du son ; tempo parfois instable dans la valse.' },
    ],
    absences: [{ day: '01-15', excused: true, reason: 'Grippe' }],
  },
  {
    year: -1,
    course: 'fm-1c3',
    yearComment: 'Élève sérieux et régulier. Bonne progression en lecture rythmique ; la dictée reste à consolider.',
    evaluations: [
      { day: '01-19', kind: 'Contrôle continu', mark: '13/20', comment: 'Dictée mélodique fragile, lecture rythmique solide.' },
      { day: '06-01', kind: "Examen de fin d'année", mark: '15/20', comment: 'Admis en 1C4.' },
    ],
  },
  {
    year: -1,
    course: 'chorale-1',
    yearComment: 'Hugo a pris confiance et chante avec plaisir. Présence très régulière.',
    evaluations: [
      { day: '05-30', kind: 'Audition', appreciation: 'Bien', comment: 'Concert des chorales : belle énergie collective.' },
    ],
  },
  {
    year: -2,
    course: 'piano-1c2',
    yearComment: 'Bonne année de travail et des progrès constants. Attention à la régularité du travail à la maison.',
    evaluations: [
      { day: '03-22', kind: 'Audition', appreciation: 'Bien', comment: 'Premier concert public, trac bien géré.' },
      { day: '06-14', kind: "Examen de fin d'année", mark: '14/20', comment: 'Mise en place correcte, nuances encore timides.' },
    ],
  },
  {
    year: -2,
    course: 'fm-1c2',
    yearComment: 'Résultats satisfaisants ; Hugo doit gagner en concentration pendant les dictées.',
    evaluations: [
      { day: '06-04', kind: 'Contrôle continu', mark: '13,5/20', comment: 'Travail régulier, quelques oublis de devoirs.' },
    ],
  },
  {
    year: -3,
    course: 'piano-1c1',
    yearComment: 'Première année très encourageante. Hugo est curieux et écoute bien les conseils.',
    evaluations: [
      { day: '12-13', kind: 'Audition', appreciation: 'Très bien', comment: 'Jeu calme et appliqué pour une première audition.' },
      { day: '06-08', kind: "Examen de fin d'année", mark: '15/20', comment: 'Bonne mise en place, nuances à développer.' },
    ],
  },
  {
    year: -3,
    course: 'fm-1c1-b',
    yearComment: 'Très bon début en formation musicale, lecture de notes déjà solide.',
    evaluations: [
      { day: '06-05', kind: 'Contrôle continu', appreciation: 'Très bien', comment: 'Élève attentif et participatif.' },
    ],
  },
];

/** Manon Lefèvre's three earlier years: end of the first cycle, then the second cycle. */
export const MANON_HISTORY: EnrollmentSeed[] = [
  {
    year: -1,
    course: 'violon-2c2',
    yearComment:
      'Année remarquable : Manon a présenté la Romance de Beethoven avec une vraie maturité. Admise en 2C3 avec les félicitations du jury.',
    evaluations: [
      { day: '02-07', kind: 'Audition', appreciation: 'Très bien', comment: 'Sonate de Mozart : beau dialogue avec le piano.' },
      { day: '06-12', kind: "Examen de fin d'année", mark: '17/20', appreciation: 'Félicitations du jury', comment: 'Son rond, phrasé très conduit.' },
    ],
  },
  {
    year: -1,
    course: 'orchestre-cordes',
    yearComment: 'Pilier du pupitre des seconds violons, toujours ponctuelle et bien préparée.',
    evaluations: [
      { day: '04-04', kind: 'Audition', appreciation: 'Très bien', comment: 'Concert de printemps : excellente tenue de pupitre.' },
    ],
  },
  {
    year: -1,
    course: 'fm-2c2',
    yearComment: "Bon travail d'ensemble ; l'analyse est un point fort, la dictée à trois voix est à approfondir.",
    evaluations: [
      { day: '01-23', kind: 'Contrôle continu', mark: '15/20', comment: 'Analyse fine, dictée à trois voix incomplète.' },
      { day: '06-05', kind: "Examen de fin d'année", mark: '16/20', comment: 'Admise en 2C3.' },
    ],
  },
  {
    year: -2,
    course: 'violon-2c1',
    yearComment:
      "Entrée réussie en 2e cycle : son plus ample et meilleure conduite de l'archet. Poursuivre le travail des gammes sur trois octaves.",
    evaluations: [
      { day: '06-13', kind: "Examen de fin d'année", mark: '15/20', comment: 'Programme bien préparé, justesse à surveiller dans les aigus.' },
    ],
    absences: [{ day: '03-14', excused: true, reason: 'Voyage scolaire' }],
  },
  {
    year: -2,
    course: 'orchestre-cordes',
    yearComment: "Première année à l'orchestre : Manon s'est très vite intégrée au groupe.",
    evaluations: [
      { day: '04-05', kind: 'Audition', appreciation: 'Bien', comment: 'Concert de printemps : lecture sûre, bonne écoute.' },
    ],
  },
  {
    year: -2,
    course: 'fm-2c1',
    yearComment: "Année sérieuse, résultats réguliers tout au long de l'année.",
    evaluations: [
      { day: '06-06', kind: 'Contrôle continu', mark: '14/20', comment: 'Écriture soignée, lecture chantée à renforcer.' },
    ],
  },
  {
    year: -3,
    course: 'violon-1c4',
    yearComment: 'Fin de 1er cycle validée avec la mention très bien. Bravo pour ce travail régulier !',
    evaluations: [
      { day: '12-12', kind: 'Audition', appreciation: 'Très bien', comment: 'Vivaldi joué avec énergie et précision.' },
      {
        day: '06-14',
        kind: 'Examen de fin de cycle',
        mark: '17/20',
        appreciation: 'Mention très bien',
        comment: 'Concertino de Küchler : justesse et présence scénique remarquées.',
      },
    ],
  },
  {
    year: -3,
    course: 'fm-1c4-b',
    yearComment: 'Examen de fin de 1er cycle réussi. Manon est une élève autonome et investie.',
    evaluations: [
      { day: '06-07', kind: 'Examen de fin de cycle', mark: '16/20', appreciation: 'Mention bien', comment: 'Très bonne épreuve écrite.' },
    ],
  },
];
