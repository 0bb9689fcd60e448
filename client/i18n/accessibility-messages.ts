/** Messages of the accessibility page (/accessibilite): loaded with it, not with the sign-in page. */
export const accessibilityFr = {
  'a11yPage.title': 'Accessibilité',
  'a11yPage.intro':
    'Portée est conçu pour être utilisable par tous : à la souris, au clavier, avec un lecteur d\u2019écran ou un affichage agrandi, sur ordinateur comme sur téléphone.',
  'a11yPage.modeHeading': 'Le mode accessibilité',
  'a11yPage.modeIntro':
    'Le bouton « Mode accessibilité », en haut de chaque écran, y compris la page de connexion, active en une seule fois :',
  'a11yPage.modeContrast': 'un contraste renforcé : le texte contraste au moins à 7 pour 1 avec son fond ;',
  'a11yPage.modeText': 'un texte plus grand ;',
  'a11yPage.modeSpacing': 'un espacement plus large entre les lignes, les paragraphes, les lettres et les mots ;',
  'a11yPage.modeLinks': 'des liens toujours soulignés ;',
  'a11yPage.modeFocus': 'un indicateur de focus épais, bien visible sur l\u2019élément actif ;',
  'a11yPage.modeTargets': 'des boutons et des liens d\u2019au moins 44 × 44 pixels ;',
  'a11yPage.modeMotion': 'aucune animation ni transition.',
  'a11yPage.modeRemember':
    'Le bouton indique s\u2019il est activé. Votre choix est mémorisé sur cet appareil et, une fois connecté, dans votre compte : vous le retrouvez en vous connectant sur un autre appareil.',
  'a11yPage.systemHeading': 'Les réglages de votre appareil',
  'a11yPage.systemIntro': 'Avec ou sans le mode accessibilité, Portée suit les réglages de votre système :',
  'a11yPage.systemContrast': 'le contraste renforcé demandé dans les réglages d\u2019affichage ;',
  'a11yPage.systemForcedColors':
    'les couleurs forcées (par exemple les thèmes de contraste de Windows) : Portée utilise alors les couleurs choisies dans le système ;',
  'a11yPage.systemMotion': 'la réduction des animations.',
  'a11yPage.systemZoom':
    'Vous pouvez aussi agrandir l\u2019affichage avec le zoom du navigateur : la mise en page s\u2019adapte, sans défilement horizontal.',
  'a11yPage.keyboardHeading': 'Utiliser Portée au clavier',
  'a11yPage.keyboardSkip':
    'Le premier lien de chaque écran, « Aller au contenu », apparaît à la première pression sur la touche Tab et mène directement au contenu principal.',
  'a11yPage.keyboardTab':
    'La touche Tab parcourt les liens, les boutons et les champs dans l\u2019ordre de lecture ; Maj + Tab revient en arrière. Entrée ouvre un lien ; Entrée ou Espace active un bouton.',
  'a11yPage.keyboardNoDoubleClick':
    'Aucune action ne demande de double-clic : chaque ligne des listes (élèves, cours, factures…) a un lien ou un bouton, que l\u2019on atteint avec Tab et que l\u2019on ouvre avec Entrée.',
  'a11yPage.keyboardFocus':
    'À chaque changement d\u2019écran, le focus se place sur le titre de la page. Les erreurs d\u2019un formulaire sont regroupées dans un récapitulatif qui reçoit le focus, avec un lien vers chaque champ à corriger ; ce qui a été saisi est conservé.',
  'a11yPage.statementHeading': 'Déclaration d\u2019accessibilité',
  'a11yPage.statementCommitment':
    'Le conservatoire s\u2019engage à rendre ses services numériques accessibles, conformément à l\u2019article 47 de la loi n° 2005-102 du 11 février 2005.',
  'a11yPage.statementScope': 'Cette déclaration d\u2019accessibilité s\u2019applique à Portée, le portail des familles du conservatoire.',
  'a11yPage.conformityHeading': 'État de conformité',
  'a11yPage.conformityTarget':
    'Portée vise le niveau AA des règles pour l\u2019accessibilité des contenus web (WCAG 2.2) et la conformité au référentiel général d\u2019amélioration de l\u2019accessibilité (RGAA), version 4.1.',
  'a11yPage.conformityTotal': 'Portée est totalement conforme avec le RGAA 4.1.',
  'a11yPage.conformityPartial': 'Portée est partiellement conforme avec le RGAA 4.1.',
  'a11yPage.conformityNone': 'Portée est non conforme avec le RGAA 4.1.',
  'a11yPage.conformityRate':
    'Taux de conformité mesuré : {rate} des critères du RGAA 4.1 applicables à Portée sont respectés ({compliant} critères conformes, {nonCompliant} non conformes ; {notApplicable} des 106 critères ne s\u2019appliquent pas).',
  'a11yPage.conformityMethod':
    'Ce taux est calculé à partir de la grille des 106 critères du RGAA 4.1 tenue avec le code de Portée : pour chaque critère, son statut (conforme, non conforme, non applicable) et la façon dont il a été vérifié (tests automatiques axe et IBM Equal Access sur chaque écran, couleurs forcées, zoom et espacement du texte, lecteur d\u2019écran simulé, parcours au clavier, relecture du code). Il ne résulte pas d\u2019un audit par un auditeur indépendant.',
  'a11yPage.contentHeading': 'Contenus non accessibles',
  'a11yPage.contentIntro': 'Les contenus listés ci-dessous ne sont pas accessibles, pour les raisons suivantes.',
  'a11yPage.nonConformHeading': 'Non-conformités',
  'a11yPage.nonConformCriterion': 'Critère {number} :',
  'a11yPage.nonConformNavigation':
    'Le menu principal est le seul moyen d\u2019aller d\u2019un écran à l\u2019autre : il n\u2019y a ni plan du site ni moteur de recherche. Le menu est présent au même endroit sur chaque écran et la page d\u2019accueil mène aux tâches en cours.',
  'a11yPage.nonConformPdf':
    'Les factures, les reçus et les attestations en PDF, créés dans le navigateur, ne sont pas des PDF balisés : leur structure (titres, tableaux, ordre de lecture) n\u2019est pas restituée par les lecteurs d\u2019écran. Alternative : les mêmes informations se trouvent dans les pages de Portée (la page de chaque facture, les pages « Attestation de paiement » et « Attestation d\u2019inscription »).',
  'a11yPage.derogationsHeading': 'Dérogations pour charge disproportionnée',
  'a11yPage.derogationsNone': 'Aucune.',
  'a11yPage.outOfScopeHeading': 'Contenus non soumis à l\u2019obligation d\u2019accessibilité',
  'a11yPage.outOfScopePayfip':
    'Les pages de paiement en ligne PayFiP appartiennent au service de paiement de la Direction générale des finances publiques : leur accessibilité ne dépend pas du conservatoire. Si vous ne pouvez pas les utiliser, le secrétariat vous indique les autres moyens de paiement.',
  'a11yPage.outOfScopeUploads':
    'Les documents déposés par les familles (pièces justificatives) sont des contenus de tiers, ni financés, ni développés par le conservatoire, ni sous son contrôle.',
  'a11yPage.establishedHeading': 'Établissement de cette déclaration',
  'a11yPage.establishedDate': 'Cette déclaration a été établie le {date}.',
  'a11yPage.establishedTechnologies': 'Technologies utilisées pour la réalisation de Portée : HTML, CSS, JavaScript, WAI-ARIA.',
  'a11yPage.establishedToolsIntro': 'Outils et méthodes utilisés pour vérifier l\u2019accessibilité :',
  'a11yPage.establishedToolAxe': 'axe-core, sur chaque écran, avec et sans le mode accessibilité ;',
  'a11yPage.establishedToolIbm':
    'IBM Equal Access, un second outil automatique qui examine aussi l\u2019intérieur des composants, sur chaque écran et dans les deux modes ;',
  'a11yPage.establishedToolLayout':
    'des tests d\u2019affichage en couleurs forcées, à 320 pixels de large, au zoom de 400 % et avec l\u2019espacement du texte agrandi ;',
  'a11yPage.establishedToolVirtualReader':
    'un lecteur d\u2019écran simulé (@guidepup/virtual-screen-reader), qui vérifie ce qui est annoncé dans les principaux parcours ;',
  'a11yPage.establishedToolKeyboard': 'des parcours complets au clavier seul ;',
  'a11yPage.establishedToolScreenReaders':
    'des vérifications manuelles avec les lecteurs d\u2019écran NVDA (Windows) et VoiceOver (macOS et iOS), prévues avec l\u2019audit externe.',
  'a11yPage.establishedPages':
    'Pages vérifiées : tous les écrans de Portée, dont la connexion, le mot de passe perdu, l\u2019accueil, la famille, la facturation, les élèves, leurs cours et leur historique.',
  'a11yPage.contactHeading': 'Retour d\u2019information et contact',
  'a11yPage.contactIntro':
    'Si vous n\u2019arrivez pas à accéder à un contenu ou à un service de Portée, signalez-le-nous : nous vous indiquerons une autre façon d\u2019obtenir l\u2019information ou le service, et nous corrigerons le problème.',
  'a11yPage.contactEmail': 'Par e-mail :',
  'a11yPage.contactPhone': 'Par téléphone, au secrétariat :',
  'a11yPage.contactDelay': 'Nous vous répondons dans un délai de 15 jours ouvrés.',
  'a11yPage.remedyHeading': 'Voies de recours',
  'a11yPage.remedyIntro':
    'Si vous nous avez signalé un défaut d\u2019accessibilité qui vous empêche d\u2019accéder à un contenu ou à un service de Portée et que vous n\u2019avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
  'a11yPage.remedyForm': 'écrire un message au Défenseur des droits avec son formulaire en ligne',
  'a11yPage.remedyChat': 'échanger par tchat avec le Défenseur des droits, sur son site',
  'a11yPage.remedyDelegate': 'contacter le délégué du Défenseur des droits dans votre région',
  'a11yPage.remedyMail': 'envoyer un courrier par la poste, gratuitement (sans timbre) :',
} as const;
