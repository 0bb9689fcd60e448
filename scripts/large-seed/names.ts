/**
 * Fictional but plausible French names and addresses of the Mantes and Limay area, for the large
 * seed. Frequent surnames recur (as they do in a real file), so the desk's search meets homonyms.
 */

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  'Benali', 'Haddad', 'Nguyen', 'Diallo', 'Traoré', 'Mendes', 'Ferreira', 'Kaya', 'Cissé', 'Benoit',
];

export const FIRST_NAMES_F = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Jade', 'Louise', 'Alice', 'Lina',
  'Zoé', 'Juliette', 'Sarah', 'Lola', 'Clara', 'Anna', 'Rose', 'Ambre', 'Mila', 'Léna',
  'Agathe', 'Margaux', 'Lucie', 'Éloïse', 'Romane', 'Nina', 'Capucine', 'Maëlys', 'Yasmine', 'Salomé',
  'Anaïs', 'Mathilde', 'Pauline', 'Élise', 'Victoire', 'Héloïse', 'Apolline', 'Iris', 'Aya', 'Noémie',
];
export const FIRST_NAMES_M = [
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Adam', 'Raphaël', 'Léo', 'Nathan',
  'Théo', 'Tom', 'Paul', 'Noah', 'Ethan', 'Mathis', 'Sacha', 'Timéo', 'Nolan', 'Maël',
  'Victor', 'Antoine', 'Baptiste', 'Clément', 'Maxime', 'Valentin', 'Émile', 'Aurélien', 'Yanis', 'Rayan',
  'Samuel', 'Côme', 'Oscar', 'Simon', 'Benjamin', 'Adrien', 'Corentin', 'Eliott', 'Mehdi', 'Axel',
];
export const ADULT_FIRST_NAMES_F = ['Nathalie', 'Isabelle', 'Sandrine', 'Céline', 'Valérie', 'Stéphanie', 'Sophie', 'Aurélie', 'Caroline', 'Virginie', 'Émilie', 'Delphine', 'Karine', 'Laure', 'Hélène', 'Claire', 'Julie', 'Audrey', 'Marion', 'Fatima'];
export const ADULT_FIRST_NAMES_M = ['Stéphane', 'Christophe', 'Nicolas', 'Sébastien', 'Frédéric', 'Laurent', 'Olivier', 'Julien', 'Jérôme', 'David', 'Thierry', 'Guillaume', 'Vincent', 'Arnaud', 'Pierre', 'Cédric', 'Fabrice', 'Yannick', 'Karim', 'Franck'];

export const STREETS = [
  'rue de la République', 'rue Nationale', 'avenue de la Division Leclerc', 'rue des Écoles', 'rue du Moulin',
  'rue Gambetta', 'boulevard Victor Hugo', 'rue de Chanzy', 'avenue du Général de Gaulle', 'rue Thiers',
  'rue des Tilleuls', 'allée des Peupliers', 'rue Pasteur', 'rue Jean Jaurès', 'chemin des Vignes',
  'rue de la Gare', 'place du Marché', 'rue du Val Fourré', 'rue des Acacias', 'impasse des Lilas',
];

/** The towns each site draws its families from, with their postal codes. */
export const TOWNS: Record<'Mantes' | 'Limay', ReadonlyArray<readonly [string, string]>> = {
  Mantes: [['Mantes-la-Jolie', '78200'], ['Mantes-la-Ville', '78711'], ['Buchelay', '78200'], ['Magnanville', '78200'], ['Rosny-sur-Seine', '78710'], ['Rolleboise', '78270']],
  Limay: [['Limay', '78520'], ['Gargenville', '78440'], ['Guerville', '78930'], ['Porcheville', '78440'], ['Issou', '78440'], ['Follainville-Dennemont', '78520']],
};

export const SCHOOLS = ['École élémentaire des Tilleuls', 'École Jules Ferry', 'Collège Louis Pasteur', 'Collège de la Vaucouleurs', 'Lycée Saint-Exupéry', 'Lycée Jean Rostand', 'École du Centre'];

/** Instruments taught (one course per cycle), the department they belong to by name. */
export const INSTRUMENTS: ReadonlyArray<readonly [string, string]> = [
  ['Piano', 'Polyphoniques'], ['Guitare', 'Polyphoniques'], ['Violon', 'Cordes'], ['Violoncelle', 'Cordes'], ['Alto', 'Cordes'],
  ['Flûte traversière', 'Vents'], ['Clarinette', 'Vents'], ['Saxophone', 'Vents'], ['Trompette', 'Vents'], ['Batterie', 'Pratiques collectives'],
  ['Harpe', 'Polyphoniques'], ['Chant', 'Pratiques collectives'], ['Trombone', 'Vents'], ['Contrebasse', 'Cordes'], ['Percussions', 'Pratiques collectives'],
];

export const PIECES: ReadonlyArray<readonly [string, string]> = [
  ['Gymnopédie n° 1', 'Erik Satie'], ['Prélude en do majeur BWV 846', 'J.-S. Bach'], ['Sonatine op. 36 n° 1', 'Muzio Clementi'],
  ['Le Cygne', 'Camille Saint-Saëns'], ['Rêverie', 'Claude Debussy'], ['Menuet en sol', 'Christian Petzold'],
  ['Sicilienne', 'Gabriel Fauré'], ['Pavane', 'Gabriel Fauré'], ['Romance sans paroles', 'Félix Mendelssohn'], ['Petite suite', 'Claude Debussy'],
];
