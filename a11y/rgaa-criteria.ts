/**
 * Portée measured against RGAA 4.1's 106 criteria (issue 16, item 7): for each criterion, its
 * number, a short French title, the status found in this project — 'C' compliant, 'NC'
 * non-compliant, 'NA' not applicable — and how it was checked here (which automated check, or a
 * review of the code in client/, or why the criterion does not apply).
 *
 * The accessibility statement (/accessibilite, client/app/pages/po-accessibility-page.ts, and
 * docs/accessibility-statement.md) takes its figures from this table: change a status here and the
 * page's rate follows. The rate is RGAA's: C / (C + NC), criteria not applicable left out.
 *
 * Checks named below: AXE = a11y/audit.spec.ts over a11y/routes.ts (axe-core WCAG A/AA, and in the
 * accessibility mode AAA contrast and a11y/target-size.ts's 44 px targets, every screen, every
 * role, both modes); IBM = the same walk with IBM Equal Access (a11y/ibm.ts); FC = forced colours
 * (test/e2e/forced-colors.spec.ts); REFLOW = test/e2e/reflow.spec.ts; SR = the screen-reader tests
 * (test/components/screen-reader-*.test.ts); KBD = the keyboard journeys (test/e2e/*.spec.ts,
 * keyboard-journeys.spec.ts).
 */

export type RgaaStatus = 'C' | 'NC' | 'NA';

export interface RgaaCriterion {
  /** "theme.criterion", e.g. "11.13". */
  readonly number: string;
  /** Short French title of the criterion. */
  readonly title: string;
  readonly status: RgaaStatus;
  /** How it was checked in Portée, or why it does not apply. */
  readonly how: string;
}

/** RGAA 4.1's thirteen themes and how many criteria each holds (106 in all). */
export const RGAA_THEMES = [
  { theme: 1, name: 'Images', count: 9 },
  { theme: 2, name: 'Cadres', count: 2 },
  { theme: 3, name: 'Couleurs', count: 3 },
  { theme: 4, name: 'Multimédia', count: 13 },
  { theme: 5, name: 'Tableaux', count: 8 },
  { theme: 6, name: 'Liens', count: 2 },
  { theme: 7, name: 'Scripts', count: 5 },
  { theme: 8, name: 'Éléments obligatoires', count: 10 },
  { theme: 9, name: 'Structuration de l’information', count: 4 },
  { theme: 10, name: 'Présentation de l’information', count: 14 },
  { theme: 11, name: 'Formulaires', count: 13 },
  { theme: 12, name: 'Navigation', count: 11 },
  { theme: 13, name: 'Consultation', count: 12 },
] as const;

const NO_MEDIA = 'NA: Portée has no video, audio, animation or synchronised media (no <video>, <audio>, <object>, <embed> or <canvas> in client/).';
const NO_CAPTCHA = 'NA: no CAPTCHA anywhere (sign-in is limited on the server, not by an image test).';

export const RGAA_CRITERIA: readonly RgaaCriterion[] = [
  // 1. Images
  { number: '1.1', title: 'Chaque image porteuse d’information a-t-elle une alternative textuelle ?', status: 'C', how: 'AXE (image-alt) and IBM; code review: the only <img> is the secretariat’s preview of an uploaded document (po-admin-documents-page), alt “Aperçu de {nom du fichier}”; Portée draws no other image or icon.' },
  { number: '1.2', title: 'Chaque image de décoration est-elle correctement ignorée par les technologies d’assistance ?', status: 'NA', how: 'NA: code review found no decorative image (no <svg>, no decorative <img>, no CSS background image conveying anything).' },
  { number: '1.3', title: 'L’alternative textuelle de chaque image porteuse d’information est-elle pertinente ?', status: 'C', how: 'Manual review of the code: the preview’s alternative names the document shown (its file name).' },
  { number: '1.4', title: 'L’alternative d’une image CAPTCHA ou image-test permet-elle d’en identifier la nature et la fonction ?', status: 'NA', how: NO_CAPTCHA },
  { number: '1.5', title: 'Pour chaque image CAPTCHA, une solution d’accès alternative au contenu ou à la fonction est-elle présente ?', status: 'NA', how: NO_CAPTCHA },
  { number: '1.6', title: 'Chaque image porteuse d’information a-t-elle, si nécessaire, une description détaillée ?', status: 'NA', how: 'NA: no chart, diagram or complex image; the document preview shows a family’s uploaded file (third-party content, out of scope).' },
  { number: '1.7', title: 'La description détaillée de chaque image porteuse d’information est-elle pertinente ?', status: 'NA', how: 'NA: no image needs a detailed description (see 1.6).' },
  { number: '1.8', title: 'Chaque image texte porteuse d’information est-elle, en l’absence de mécanisme de remplacement, remplacée par du texte stylé ?', status: 'NA', how: 'NA: code review: no image of text; every text is HTML text.' },
  { number: '1.9', title: 'Chaque légende d’image est-elle, si nécessaire, correctement reliée à l’image correspondante ?', status: 'NA', how: 'NA: no <figure> or captioned image.' },
  // 2. Cadres
  { number: '2.1', title: 'Chaque cadre a-t-il un titre de cadre ?', status: 'NA', how: 'NA: code review: no <iframe> or <frame> in client/ (PayFiP is reached by a full-page redirect, not a frame).' },
  { number: '2.2', title: 'Pour chaque cadre ayant un titre de cadre, ce titre est-il pertinent ?', status: 'NA', how: 'NA: no frame (see 2.1).' },
  // 3. Couleurs
  { number: '3.1', title: 'L’information n’est-elle pas donnée uniquement par la couleur ?', status: 'C', how: 'FC: status markers (“Modifié — en attente de validation”, “Hors ligne”), selected tabs and disabled states stay visible with system colours; code review: every status is also written in words; links are underlined in the accessibility mode and distinguishable otherwise.' },
  { number: '3.2', title: 'Le contraste entre la couleur du texte et celle de son arrière-plan est-il suffisamment élevé ?', status: 'C', how: 'AXE color-contrast (4.5:1) on every screen and state, and color-contrast-enhanced (7:1) in the accessibility mode: 0 violation at the last run (a11y/report/report.md).' },
  { number: '3.3', title: 'Les couleurs utilisées dans les composants d’interface ou les éléments graphiques porteurs d’informations sont-elles suffisamment contrastées ?', status: 'C', how: 'KBD: the focus indicator’s contrast against its background is measured ≥ 3:1 at each step (test/helpers/focus-indicator.ts); FC: borders of inputs and buttons; manual review of the CSS tokens (client/styles/) for borders of fields.' },
  // 4. Multimédia
  { number: '4.1', title: 'Chaque média temporel pré-enregistré a-t-il, si nécessaire, une transcription textuelle ou une audiodescription ?', status: 'NA', how: NO_MEDIA },
  { number: '4.2', title: 'Pour chaque média temporel pré-enregistré ayant une transcription ou une audiodescription, celles-ci sont-elles pertinentes ?', status: 'NA', how: NO_MEDIA },
  { number: '4.3', title: 'Chaque média temporel synchronisé pré-enregistré a-t-il, si nécessaire, des sous-titres synchronisés ?', status: 'NA', how: NO_MEDIA },
  { number: '4.4', title: 'Pour chaque média temporel synchronisé pré-enregistré ayant des sous-titres, ceux-ci sont-ils pertinents ?', status: 'NA', how: NO_MEDIA },
  { number: '4.5', title: 'Chaque média temporel pré-enregistré a-t-il, si nécessaire, une audiodescription synchronisée ?', status: 'NA', how: NO_MEDIA },
  { number: '4.6', title: 'Pour chaque média temporel pré-enregistré ayant une audiodescription synchronisée, celle-ci est-elle pertinente ?', status: 'NA', how: NO_MEDIA },
  { number: '4.7', title: 'Chaque média temporel est-il clairement identifiable ?', status: 'NA', how: NO_MEDIA },
  { number: '4.8', title: 'Chaque média non temporel a-t-il, si nécessaire, une alternative ?', status: 'NA', how: NO_MEDIA },
  { number: '4.9', title: 'Pour chaque média non temporel ayant une alternative, cette alternative est-elle pertinente ?', status: 'NA', how: NO_MEDIA },
  { number: '4.10', title: 'Chaque son déclenché automatiquement est-il contrôlable par l’utilisateur ?', status: 'NA', how: NO_MEDIA },
  { number: '4.11', title: 'La consultation de chaque média temporel est-elle, si nécessaire, contrôlable par le clavier et tout dispositif de pointage ?', status: 'NA', how: NO_MEDIA },
  { number: '4.12', title: 'La consultation de chaque média non temporel est-elle contrôlable par le clavier et tout dispositif de pointage ?', status: 'NA', how: NO_MEDIA },
  { number: '4.13', title: 'Chaque média temporel et non temporel est-il compatible avec les technologies d’assistance ?', status: 'NA', how: NO_MEDIA },
  // 5. Tableaux
  { number: '5.1', title: 'Chaque tableau de données complexe a-t-il un résumé ?', status: 'NA', how: 'NA: code review: every data table has one row of column headers (scope="col") and, at most, row headers; none is complex (no header spanning sub-headers).' },
  { number: '5.2', title: 'Pour chaque tableau de données complexe ayant un résumé, celui-ci est-il pertinent ?', status: 'NA', how: 'NA: no complex data table (see 5.1).' },
  { number: '5.3', title: 'Pour chaque tableau de mise en forme, le contenu linéarisé reste-t-il compréhensible ?', status: 'NA', how: 'NA: no layout table; layout is CSS grid and flex.' },
  { number: '5.4', title: 'Pour chaque tableau de données ayant un titre, le titre est-il correctement associé au tableau de données ?', status: 'C', how: 'Code review: 38 of the 40 tables have a <caption>, the other two (po-family-accounts, po-admin-teacher-absences-page) aria-labelledby their heading; AXE and IBM on every screen showing them.' },
  { number: '5.5', title: 'Pour chaque tableau de données ayant un titre, celui-ci est-il pertinent ?', status: 'C', how: 'Manual review of the captions’ messages (client/i18n/): each names what the table lists (factures, paiements, élèves, séances…).' },
  { number: '5.6', title: 'Pour chaque tableau de données, chaque en-tête de colonne et chaque en-tête de ligne sont-ils correctement déclarés ?', status: 'C', how: 'AXE (th-has-data-cells, td-headers-attr) and code review: <th scope="col"> / scope="row" throughout client/.' },
  { number: '5.7', title: 'Pour chaque tableau de données, la technique appropriée permettant d’associer chaque cellule avec ses en-têtes est-elle utilisée ?', status: 'C', how: 'Code review: simple tables use scope on every <th>; SR: the invoice table in the payment journey is read with its headers.' },
  { number: '5.8', title: 'Chaque tableau de mise en forme ne doit pas utiliser d’éléments propres aux tableaux de données. Cette règle est-elle respectée ?', status: 'NA', how: 'NA: no layout table (see 5.3).' },
  // 6. Liens
  { number: '6.1', title: 'Chaque lien est-il explicite ?', status: 'C', how: 'AXE and IBM (link-name); manual review: row links name their object (the student, the invoice number, the year: “Attestation de paiement (PDF) 2026-2027”), SR transcripts in a11y/report/screen-readers/.' },
  { number: '6.2', title: 'Dans chaque page web, chaque lien a-t-il un intitulé ?', status: 'C', how: 'AXE link-name and IBM on every screen and state, both modes: 0 violation.' },
  // 7. Scripts
  { number: '7.1', title: 'Chaque script est-il, si nécessaire, compatible avec les technologies d’assistance ?', status: 'C', how: 'SR: name, role and state of each control in the sign-in, family form, course tabs, payment and upload journeys; AXE (aria-*) and IBM, which enter the shadow roots; po-tabs follows the ARIA tabs pattern (test/components/po-tabs.test.ts).' },
  { number: '7.2', title: 'Pour chaque script ayant une alternative, cette alternative est-elle pertinente ?', status: 'NA', how: 'NA: the scripted components are themselves accessible (7.1); none relies on an alternative. Before the script loads, index.html shows a static sign-in page.' },
  { number: '7.3', title: 'Chaque script est-il contrôlable par le clavier et par tout dispositif de pointage ?', status: 'C', how: 'KBD: every family, teacher and secretariat journey done with the keyboard alone (test/e2e/keyboard-journeys.spec.ts and the journeys’ specs); no double-click, no hover-only action.' },
  { number: '7.4', title: 'Pour chaque script qui initie un changement de contexte, l’utilisateur est-il averti ou en a-t-il le contrôle ?', status: 'C', how: 'Code review: pages change only on a link or a submit button; the language select re-renders the same screen in the chosen language (no new page, the focus stays on the select; test/e2e/language.spec.ts); the idle timeout warns first (test/e2e/idle-timeout.spec.ts).' },
  { number: '7.5', title: 'Dans chaque page web, les messages de statut sont-ils correctement restitués par les technologies d’assistance ?', status: 'C', how: 'SR: test/components/screen-reader-status-region.test.ts (offline, queued edit, said once), payment return and upload confirmations; po-status-region uses role="status".' },
  // 8. Éléments obligatoires
  { number: '8.1', title: 'Chaque page web est-elle définie par un type de document ?', status: 'C', how: 'Code review: client/index.html starts with <!doctype html>; the app is one document.' },
  { number: '8.2', title: 'Pour chaque page web, le code source généré est-il valide selon le type de document spécifié ?', status: 'C', how: 'AXE and IBM (duplicate ids, ARIA validity, list structure) on every screen; Lit templates checked by lit-analyzer (npm run lint:lit). No full W3C validation of each generated DOM.' },
  { number: '8.3', title: 'Dans chaque page web, la langue par défaut est-elle présente ?', status: 'C', how: 'Code review: <html lang="fr">, then document.documentElement.lang set to the chosen language (client/i18n/i18n.ts); AXE html-has-lang.' },
  { number: '8.4', title: 'Pour chaque page web ayant une langue par défaut, le code de langue est-il pertinent ?', status: 'C', how: 'AXE html-lang-valid; test/e2e/language.spec.ts switches French/English and checks the page language.' },
  { number: '8.5', title: 'Chaque page web a-t-elle un titre de page ?', status: 'C', how: 'Code review: every page sets document.title (PageElement.pageTitle()); AXE document-title.' },
  { number: '8.6', title: 'Pour chaque page web ayant un titre de page, ce titre est-il pertinent ?', status: 'C', how: 'Manual review: the title is the page’s h1 followed by “Portée”; the focus moves to the h1 on each change of screen.' },
  { number: '8.7', title: 'Dans chaque page web, chaque changement de langue est-il indiqué dans le code source ?', status: 'C', how: 'Code review: the bilingual sign-in page of index.html and the Défenseur des droits postal address carry lang; the PDFs are French whatever the screen’s language but are documents, not page content (13.3); test/components/i18n-catalogue.test.ts checks every message has its English.' },
  { number: '8.8', title: 'Dans chaque page web, le code de langue de chaque changement de langue est-il valide et pertinent ?', status: 'C', how: 'AXE valid-lang; code review of the lang attributes (fr, en).' },
  { number: '8.9', title: 'Dans chaque page web, les balises ne doivent pas être utilisées uniquement à des fins de présentation. Cette règle est-elle respectée ?', status: 'C', how: 'Manual review of the templates: headings, lists, tables and strong carry meaning; layout is CSS.' },
  { number: '8.10', title: 'Dans chaque page web, les changements du sens de lecture sont-ils signalés ?', status: 'NA', how: 'NA: French and English only, no right-to-left text.' },
  // 9. Structuration de l’information
  { number: '9.1', title: 'Dans chaque page web, l’information est-elle structurée par l’utilisation appropriée de titres ?', status: 'C', how: 'AXE (page-has-heading-one, heading-order) and SR: headings read in each journey; one h1 per screen.' },
  { number: '9.2', title: 'Dans chaque page web, la structure du document est-elle cohérente ?', status: 'C', how: 'AXE region/landmark rules and IBM (content outside any landmark, fixed): header, nav, main and footer on every screen (po-app-shell).' },
  { number: '9.3', title: 'Dans chaque page web, chaque liste est-elle correctement structurée ?', status: 'C', how: 'AXE list/listitem on every screen; manual review: lists of links, students and to-dos use ul/li, definition pairs use dl.' },
  { number: '9.4', title: 'Dans chaque page web, chaque citation est-elle correctement indiquée ?', status: 'NA', how: 'NA: no quotation in Portée’s content.' },
  // 10. Présentation de l’information
  { number: '10.1', title: 'Dans le site web, des feuilles de styles sont-elles utilisées pour contrôler la présentation de l’information ?', status: 'C', how: 'Code review: presentation is in the components’ CSS (static styles) and client/styles/; no presentational attributes.' },
  { number: '10.2', title: 'Dans chaque page web, le contenu visible porteur d’information reste-t-il présent lorsque les feuilles de styles sont désactivées ?', status: 'C', how: 'Code review: no information is given by CSS-generated content (no ::before/::after text carrying meaning).' },
  { number: '10.3', title: 'Dans chaque page web, l’information reste-t-elle compréhensible lorsque les feuilles de styles sont désactivées ?', status: 'C', how: 'Code review: the DOM order is the reading order (no CSS order or absolute positioning reordering content); SR reads the journeys in that order.' },
  { number: '10.4', title: 'Dans chaque page web, le texte reste-t-il lisible lorsque la taille des caractères est augmentée jusqu’à 200 %, au moins ?', status: 'C', how: 'REFLOW: every screen at 400 % zoom of a 1280 px window (320 CSS px) without loss; the accessibility mode enlarges text (test/e2e/a11y-mode.spec.ts).' },
  { number: '10.5', title: 'Dans chaque page web, les déclarations CSS de couleurs de fond d’élément et de police sont-elles correctement utilisées ?', status: 'C', how: 'Code review of client/styles/: background and text colours are declared together in the tokens; FC shows system colours are used in forced colours.' },
  { number: '10.6', title: 'Dans chaque page web, chaque lien dont la nature n’est pas évidente est-il visible par rapport au texte environnant ?', status: 'C', how: 'AXE link-in-text-block; code review: links in text are underlined (always in the accessibility mode).' },
  { number: '10.7', title: 'Dans chaque page web, pour chaque élément recevant le focus, la prise de focus est-elle visible ?', status: 'C', how: 'KBD: at each step the computed outline or box-shadow is checked not none with ≥ 3:1 contrast (test/helpers/focus-indicator.ts); FC: the focus indicator stays visible in forced colours.' },
  { number: '10.8', title: 'Pour chaque page web, les contenus cachés ont-ils vocation à être ignorés par les technologies d’assistance ?', status: 'C', how: 'AXE (aria-hidden-focus) and SR: hidden panels of po-tabs and closed dialogs are not read.' },
  { number: '10.9', title: 'Dans chaque page web, l’information ne doit pas être donnée uniquement par la forme, taille ou position. Cette règle est-elle respectée ?', status: 'C', how: 'Manual review: states and instructions are written in words (no “the button on the right”).' },
  { number: '10.10', title: 'Dans chaque page web, l’information ne doit pas être donnée par la forme, taille ou position uniquement. Cette règle est-elle implémentée de façon pertinente ?', status: 'C', how: 'Manual review (see 10.9): each marker has its text, also given to assistive technologies (SR).' },
  { number: '10.11', title: 'Pour chaque page web, les contenus peuvent-ils être présentés sans avoir recours à un défilement vertical pour une fenêtre de 256 px ou horizontal pour une fenêtre de 320 px ?', status: 'C', how: 'REFLOW: every screen at 320 CSS px wide in both modes, no sideways scrolling except data tables scrolling in their own focusable, labelled region.' },
  { number: '10.12', title: 'Dans chaque page web, les propriétés d’espacement du texte peuvent-elles être redéfinies par l’utilisateur sans perte de contenu ou de fonctionnalité ?', status: 'C', how: 'REFLOW: WCAG 1.4.12 text-spacing overrides applied to every screen, nothing clipped (a11y/layout-checks.ts).' },
  { number: '10.13', title: 'Dans chaque page web, les contenus additionnels apparaissant à la prise de focus ou au survol d’un composant d’interface sont-ils contrôlables par l’utilisateur ?', status: 'NA', how: 'NA: code review: no tooltip, no content shown on hover or focus (the skip link is an ordinary link becoming visible, not additional content).' },
  { number: '10.14', title: 'Dans chaque page web, les contenus additionnels apparaissant via les styles CSS uniquement peuvent-ils être rendus visibles au clavier et par tout dispositif de pointage ?', status: 'C', how: 'KBD: the “Aller au contenu” skip link, shown by CSS on focus, is reached by the first Tab; no hover-only content.' },
  // 11. Formulaires
  { number: '11.1', title: 'Chaque champ de formulaire a-t-il une étiquette ?', status: 'C', how: 'AXE label and IBM (which found an unlabelled input inside a shadow root before it was fixed) on every form, error states included; SR reads each field’s name.' },
  { number: '11.2', title: 'Chaque étiquette associée à un champ de formulaire est-elle pertinente ?', status: 'C', how: 'Manual review of the labels’ messages (client/i18n/) and SR transcripts (family form, sign-in, upload); AXE label-content-name-mismatch.' },
  { number: '11.3', title: 'Dans chaque formulaire, chaque étiquette associée à un champ ayant la même fonction et répété plusieurs fois est-elle cohérente ?', status: 'C', how: 'Code review: shared field helpers (client/components/form-fields.ts, identity-form.ts) give the same label to the same field everywhere.' },
  { number: '11.4', title: 'Dans chaque formulaire, chaque étiquette de champ et son champ associé sont-ils accolés ?', status: 'C', how: 'Code review: labels sit directly above their field (form-fields.ts), checkboxes and radios beside theirs; REFLOW keeps them together at 320 px.' },
  { number: '11.5', title: 'Dans chaque formulaire, les champs de même nature sont-ils regroupés, si nécessaire ?', status: 'C', how: 'Code review: 17 fieldsets (address, each child in pre-registration, consents, re-enrolment choices, emergency contacts).' },
  { number: '11.6', title: 'Dans chaque formulaire, chaque regroupement de champs de même nature a-t-il une légende ?', status: 'C', how: 'Code review: each fieldset has a <legend>; SR reads the group’s name in the family form journey.' },
  { number: '11.7', title: 'Dans chaque formulaire, chaque légende associée à un regroupement de champs de même nature est-elle pertinente ?', status: 'C', how: 'Manual review of the legends’ messages (client/i18n/).' },
  { number: '11.8', title: 'Dans chaque formulaire, les items de même nature d’une liste de choix sont-ils regroupées de manière pertinente ?', status: 'C', how: 'Code review of the 15 <select>: each lists items of one kind (courses, kinds of document, years), so no optgroup is needed.' },
  { number: '11.9', title: 'Dans chaque formulaire, l’intitulé de chaque bouton est-il pertinent ?', status: 'C', how: 'AXE button-name; manual review and SR: buttons say their action (“Enregistrer”, “Prolonger la session”, “Payer la facture …”).' },
  { number: '11.10', title: 'Dans chaque formulaire, le contrôle de saisie est-il utilisé de manière pertinente ?', status: 'C', how: 'SR: sign-in and family form with an error (required fields announced, error summary focused with a link to each field, aria-invalid and aria-describedby); AXE and IBM on each error state.' },
  { number: '11.11', title: 'Dans chaque formulaire, le contrôle de saisie est-il accompagné, si nécessaire, de suggestions facilitant la correction des erreurs de saisie ?', status: 'C', how: 'Code review of shared/validation-messages.ts: each error says the expected format (e.g. a date, a phone number, a postcode of 5 digits); SR family form journey.' },
  { number: '11.12', title: 'Pour chaque formulaire qui modifie ou supprime des données, ou qui transmet des réponses à un test ou un examen, ou dont la validation a des conséquences financières ou juridiques, la saisie des données vérifiable, modifiable ou confirmée ?', status: 'C', how: 'Code review and e2e: a family’s changes are pending until the secretariat validates them and can be changed meanwhile; payment shows the invoice and amount before PayFiP (billing.spec.ts); re-enrolment has a confirmation step (reenrolment.spec.ts).' },
  { number: '11.13', title: 'La finalité d’un champ de saisie peut-elle être déduite pour faciliter le remplissage automatique des champs avec les données de l’utilisateur ?', status: 'C', how: 'AXE autocomplete-valid and IBM (the refused address value was fixed); code review: identity, address, e-mail, phone and password fields carry autocomplete.' },
  // 12. Navigation
  { number: '12.1', title: 'Chaque ensemble de pages dispose-t-il de deux systèmes de navigation différents, au moins (hors cas particuliers) ?', status: 'NC', how: 'Code review: the main menu (po-main-menu) is the only way across the screens; there is neither a site map nor a site search (the secretariat’s student search looks up records, not pages).' },
  { number: '12.2', title: 'Dans chaque ensemble de pages, le menu et les barres de navigation sont-ils toujours à la même place ?', status: 'C', how: 'Code review: po-app-shell renders the same header, menu and footer on every screen of a role; KBD journeys reach the menu in the same tab order.' },
  { number: '12.3', title: 'La page « plan du site » est-elle pertinente ?', status: 'NA', how: 'NA: there is no site map (see 12.1).' },
  { number: '12.4', title: 'Dans chaque ensemble de pages, la page « plan du site » est-elle atteignable de manière identique ?', status: 'NA', how: 'NA: there is no site map (see 12.1).' },
  { number: '12.5', title: 'Dans chaque ensemble de pages, le moteur de recherche est-il atteignable de manière identique ?', status: 'NA', how: 'NA: there is no site search engine (see 12.1).' },
  { number: '12.6', title: 'Les zones de regroupement de contenus présentes dans plusieurs pages web (en-tête, navigation principale, contenu principal, pied de page et moteur de recherche) peuvent-elles être atteintes ou évitées ?', status: 'C', how: 'AXE landmark rules and IBM on every screen; header, nav, main and footer landmarks (po-app-shell); the skip link reaches main.' },
  { number: '12.7', title: 'Dans chaque page web, un lien d’évitement ou d’accès rapide à la zone de contenu principal est-il présent ?', status: 'C', how: 'KBD: the first Tab shows “Aller au contenu”, which moves the focus to main (keyboard-journeys.spec.ts).' },
  { number: '12.8', title: 'Dans chaque page web, l’ordre de tabulation est-il cohérent ?', status: 'C', how: 'KBD: each journey tabs through its controls in reading order; code review: no positive tabindex (AXE tabindex).' },
  { number: '12.9', title: 'Dans chaque page web, la navigation ne doit pas contenir de piège au clavier. Cette règle est-elle respectée ?', status: 'C', how: 'KBD: dialogs (idle warning, sign-out) are modal <dialog> closed by Escape or their buttons; every journey leaves each control with Tab.' },
  { number: '12.10', title: 'Dans chaque page web, les raccourcis clavier n’utilisant qu’une seule touche (lettre minuscule ou majuscule, ponctuation, chiffre ou symbole) sont-ils contrôlables par l’utilisateur ?', status: 'NA', how: 'NA: code review: no single-character shortcut (the tabs’ arrow keys act only when a tab has the focus).' },
  { number: '12.11', title: 'Dans chaque page web, les contenus additionnels apparaissant au survol, à la prise de focus ou à l’activation d’un composant d’interface sont-ils, si nécessaire, atteignables au clavier ?', status: 'C', how: 'KBD: the narrow-screen menu opened by its button and the dialogs are reached and used with the keyboard.' },
  // 13. Consultation
  { number: '13.1', title: 'Pour chaque page web, l’utilisateur a-t-il le contrôle de chaque limite de temps modifiant le contenu (hors cas particuliers) ?', status: 'C', how: 'test/e2e/idle-timeout.spec.ts: the idle sign-out is announced two minutes ahead by a modal dialog (po-idle-warning) with “Prolonger la session”, usable with the keyboard; no other time limit.' },
  { number: '13.2', title: 'Dans chaque page web, l’ouverture d’une nouvelle fenêtre ne doit pas être déclenchée sans action de l’utilisateur. Cette règle est-elle respectée ?', status: 'C', how: 'Code review: no window.open; the only target="_blank" is the secretariat’s “open the file” link, on the user’s click.' },
  { number: '13.3', title: 'Dans chaque page web, chaque document bureautique en téléchargement possède-t-il, si nécessaire, une version accessible ?', status: 'NC', how: 'Code review: the invoices, receipts and attestations in PDF are drawn in the browser with jsPDF (client/billing/pdf/), which makes untagged PDFs (no structure, no language, no reading order); test/helpers/pdf-text.ts reads only their text. The same information is on HTML pages (the invoice page, /famille/attestations/…; docs/attestations.md), but the PDF buttons do not offer them as the accessible version.' },
  { number: '13.4', title: 'Pour chaque document bureautique ayant une version accessible, cette version offre-t-elle la même information ?', status: 'NA', how: 'NA: no PDF is offered with a declared accessible version (13.3 is not met); the HTML views draw the same document model (attestation-builders.ts).' },
  { number: '13.5', title: 'Dans chaque page web, chaque contenu cryptique (art ASCII, émoticône, syntaxe cryptique) a-t-il une alternative ?', status: 'NA', how: 'NA: code review: no ASCII art, emoticon or cryptic syntax in the messages.' },
  { number: '13.6', title: 'Dans chaque page web, pour chaque contenu cryptique ayant une alternative, cette alternative est-elle pertinente ?', status: 'NA', how: 'NA: no cryptic content (see 13.5).' },
  { number: '13.7', title: 'Dans chaque page web, les changements brusques de luminosité ou les effets de flash sont-ils correctement utilisés ?', status: 'NA', how: 'NA: no flashing content; transitions are short fades, removed by the accessibility mode and prefers-reduced-motion.' },
  { number: '13.8', title: 'Dans chaque page web, chaque contenu en mouvement ou clignotant est-il contrôlable par l’utilisateur ?', status: 'NA', how: 'NA: no moving, blinking or auto-updating content lasting more than 5 seconds (no carousel, no marquee).' },
  { number: '13.9', title: 'Dans chaque page web, le contenu proposé est-il consultable quelle que soit l’orientation de l’écran (portrait ou paysage) ?', status: 'C', how: 'Code review: no orientation lock in the manifest or CSS; test/e2e/phone-layout.spec.ts and REFLOW at 320 px.' },
  { number: '13.10', title: 'Dans chaque page web, les fonctionnalités utilisables ou disponibles au moyen d’un geste complexe peuvent-elles être également disponibles au moyen d’un geste simple ?', status: 'NA', how: 'NA: code review: no gesture (no swipe, pinch or drag); every action is a single click or tap.' },
  { number: '13.11', title: 'Dans chaque page web, les actions déclenchées au moyen d’un dispositif de pointage sur un point unique de l’écran peuvent-elles faire l’objet d’une annulation (hors cas particuliers) ?', status: 'C', how: 'Code review: actions are on click (up event) of native buttons and links; pointerdown is only listened to by the idle timer to count activity.' },
  { number: '13.12', title: 'Dans chaque page web, les fonctionnalités qui impliquent un mouvement de l’appareil ou vers l’appareil peuvent-elles être satisfaites de manière alternative (hors cas particuliers) ?', status: 'NA', how: 'NA: code review: no device-motion or orientation feature.' },
];

export interface RgaaCounts {
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly notApplicable: number;
}

export function rgaaCounts(criteria: readonly RgaaCriterion[] = RGAA_CRITERIA): RgaaCounts {
  const count = (status: RgaaStatus) => criteria.filter((c) => c.status === status).length;
  return { compliant: count('C'), nonCompliant: count('NC'), notApplicable: count('NA') };
}

/**
 * RGAA's conformance rate: compliant criteria over applicable ones, C / (C + NC), in percent,
 * rounded to one decimal. 100 when no criterion applies.
 */
export function rgaaRate(criteria: readonly RgaaCriterion[] = RGAA_CRITERIA): number {
  const { compliant, nonCompliant } = rgaaCounts(criteria);
  const applicable = compliant + nonCompliant;
  return applicable === 0 ? 100 : Math.round((compliant / applicable) * 1000) / 10;
}

export type RgaaConformance = 'total' | 'partial' | 'none';

/** The statement model's wording: totalement (100 %), partiellement (≥ 50 %), non conforme. */
export function rgaaConformance(rate: number): RgaaConformance {
  return rate >= 100 ? 'total' : rate >= 50 ? 'partial' : 'none';
}

/** The criteria found non-compliant, in the table's order. */
export function rgaaNonCompliant(criteria: readonly RgaaCriterion[] = RGAA_CRITERIA): readonly RgaaCriterion[] {
  return criteria.filter((c) => c.status === 'NC');
}
