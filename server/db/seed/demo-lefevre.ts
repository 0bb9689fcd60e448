import type { FamilySeed } from './demo-people.ts';
import { HUGO_HISTORY, MANON_HISTORY } from './demo-lefevre-history.ts';
import { HUGO_REPERTOIRE, MANON_REPERTOIRE } from './demo-repertoire.ts';

/**
 * The family behind `famille.demo`: three students of different ages, the two eldest with three
 * earlier years of history. Current-year notes, evaluations and absences are dated September to
 * November of the current school year.
 */
export const LEFEVRE: FamilySeed = {
  key: 'lefevre',
  site: 'mantes',
  civility: 'Mme',
  firstName: 'Camille',
  lastName: 'Lefèvre',
  address: '8 allée des Tilleuls',
  postalCode: '78200',
  city: 'Mantes-la-Jolie',
  phoneHome: '01 34 00 21 47',
  phoneWork: '01 39 00 58 20',
  mobile: '06 39 98 41 27',
  email: 'camille.lefevre@example.org',
  smsOptIn: true,
  students: [
    {
      key: 'lucie',
      civility: 'Mme',
      firstName: 'Lucie',
      age: 7,
      birthDay: '04-12',
      birthPlace: 'Mantes-la-Jolie',
      school: 'École élémentaire des Tilleuls',
      schoolLevel: 'CE1',
      enrollments: [
        {
          year: 0,
          course: 'eveil',
          notes: [
            { day: '09-19', text: 'Première séance : Lucie a découvert les instruments de la classe avec beaucoup de curiosité. Elle chante juste et ose prendre la parole.' },
            { day: '10-10', text: 'Très bonne écoute pendant les jeux rythmiques. Lucie reproduit facilement des formules simples aux percussions.' },
            { day: '11-14', text: 'Lucie reconnaît maintenant le timbre de la flûte et du violoncelle. Penser à apporter le cahier de chansons.' },
          ],
          evaluations: [
            { day: '11-21', kind: 'Contrôle continu', appreciation: 'Très bien', comment: 'Participation enthousiaste, bonne mémoire des chansons apprises.' },
          ],
          absences: [{ day: '10-03', excused: true, reason: 'Malade (mot des parents)' }],
        },
        {
          year: 0,
          course: 'fm-1c1-a',
          notes: [
            { day: '09-16', text: "Bon début d'année. Lucie lit déjà les notes en clé de sol ; travailler la régularité de la pulsation." },
            { day: '10-14', text: 'Lecture rythmique en progrès (noires, croches). Quelques confusions entre mi et sol à revoir à la maison : dix minutes par jour suffisent.' },
            { day: '11-18', text: 'Très belle participation au chant collectif. Dictée de notes réussie.' },
          ],
          evaluations: [
            { day: '11-25', kind: 'Contrôle continu', mark: '16/20', comment: "Lecture de notes solide ; le rythme demande encore un peu d'attention." },
          ],
        },
      ],
    },
    {
      key: 'hugo',
      civility: 'M.',
      firstName: 'Hugo',
      age: 13,
      birthDay: '06-03',
      birthPlace: 'Poissy',
      school: 'Collège des Coteaux',
      schoolLevel: '4e',
      enrollments: [
        {
          year: 0,
          course: 'piano-1c4',
          notes: [
            { day: '09-17', text: "Reprise après l'été : la technique n'a pas souffert. Nouveau programme : une pièce de Debussy et une étude de Czerny." },
            { day: '10-08', text: "Attention à la position du poignet dans les passages rapides. Travailler l'étude lentement, mains séparées." },
            { day: '11-05', text: "« The Little Shepherd » prend forme : belle sonorité dans les nuances piano. Préparer l'audition d'automne." },
            { day: '11-19', text: "Audition réussie, Hugo a su garder son calme. Prochain objectif : mémoriser l'étude avant les vacances de Noël." },
          ],
          evaluations: [
            { day: '10-15', kind: 'Contrôle continu', mark: '15/20', comment: 'Lecture régulière, doigtés à respecter davantage.' },
            { day: '11-18', kind: 'Audition', appreciation: 'Très bien', comment: 'Interprétation sensible et maîtrisée de « The Little Shepherd ».' },
          ],
          absences: [{ day: '10-01', excused: true, reason: 'Sortie scolaire du collège' }],
        },
        {
          year: 0,
          course: 'fm-1c4-a',
          notes: [
            { day: '09-14', text: "Année de fin de cycle : nous préparerons l'examen de formation musicale de juin. Hugo est motivé et régulier." },
            { day: '10-12', text: 'Dictées à deux voix encore difficiles ; bon niveau en lecture chantée et en analyse.' },
            { day: '11-16', text: "Devoir sur les tonalités bien réussi. Continuer l'entraînement aux dictées avec les exercices donnés en cours." },
          ],
          evaluations: [
            { day: '10-12', kind: 'Contrôle continu', mark: '14/20', comment: 'Bonne lecture chantée ; la dictée à deux voix reste à consolider.' },
            { day: '11-23', kind: 'Contrôle continu', mark: '15,5/20', comment: 'Progrès nets en dictée rythmique.' },
          ],
          absences: [{ day: '11-09', excused: false }],
        },
        {
          year: 0,
          course: 'chorale-1',
          notes: [
            { day: '09-23', text: "Hugo chante désormais dans le pupitre des voix graves, où il se montre à l'aise." },
            { day: '11-04', text: 'Très bon investissement dans la préparation du concert de décembre. Apprendre les paroles du deuxième chant.' },
          ],
          evaluations: [
            { day: '11-18', kind: 'Contrôle continu', appreciation: 'Bien', comment: 'Voix posée, bonne écoute du groupe.' },
          ],
        },
        ...HUGO_HISTORY,
      ],
      repertoire: HUGO_REPERTOIRE,
    },
    {
      key: 'manon',
      civility: 'Mme',
      firstName: 'Manon',
      age: 17,
      birthDay: '02-21',
      birthPlace: 'Versailles',
      school: 'Lycée des Bords-de-Seine',
      schoolLevel: 'Terminale',
      ownContact: {
        address: '8 allée des Tilleuls',
        postalCode: '78200',
        city: 'Mantes-la-Jolie',
        phoneHome: '',
        phoneWork: '',
        mobile: '06 39 98 63 02',
        email: 'manon.lefevre@example.org',
      },
      enrollments: [
        {
          year: 0,
          course: 'violon-2c3',
          notes: [
            { day: '09-14', text: "Programme de l'année : le concerto de Bruch (1er mouvement) et une partita de Bach pour violon seul. Beau travail pendant l'été." },
            { day: '10-05', text: 'Le vibrato est plus régulier. Attention aux changements de position dans le développement du Bruch.' },
            { day: '11-09', text: "Manon a joué le premier mouvement en entier, avec caractère. Travailler les doubles cordes lentement, avec l'accordeur." },
            { day: '11-23', text: "L'étude de Kreutzer n° 9 est à reprendre pour la semaine prochaine ; très bon travail de l'archet à la corde." },
          ],
          evaluations: [
            { day: '10-12', kind: 'Contrôle continu', mark: '16/20', comment: 'Justesse très satisfaisante, son ample.' },
          ],
        },
        {
          year: 0,
          course: 'orchestre-cordes',
          notes: [
            { day: '09-26', text: 'Manon est cheffe de pupitre des seconds violons cette année ; elle aide les plus jeunes avec beaucoup de patience.' },
            { day: '11-07', text: "Répétition générale du concert de la Sainte-Cécile : pupitre bien préparé, coups d'archet harmonisés." },
          ],
          evaluations: [
            { day: '11-21', kind: 'Audition', appreciation: 'Excellent', comment: 'Concert de la Sainte-Cécile : pupitre mené avec assurance.' },
          ],
          absences: [{ day: '10-10', excused: false }],
        },
        {
          year: 0,
          course: 'fm-2c3',
          notes: [
            { day: '09-18', text: "Analyse harmonique : Manon repère bien les cadences. Objectif de l'année : le commentaire d'écoute." },
            { day: '10-16', text: "Commentaire d'écoute sur un extrait de Ravel très pertinent, vocabulaire précis." },
            { day: '11-13', text: "Dictée à trois voix en progrès. Quelques lacunes en lecture de clé d'ut, à retravailler." },
          ],
          evaluations: [
            { day: '11-20', kind: 'Contrôle continu', mark: '17/20', comment: 'Très bonne analyse, écriture soignée.' },
          ],
          absences: [{ day: '11-06', excused: true, reason: 'Oral blanc au lycée' }],
        },
        ...MANON_HISTORY,
      ],
      repertoire: MANON_REPERTOIRE,
    },
  ],
};
