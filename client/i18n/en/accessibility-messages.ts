import type { accessibilityFr } from '../accessibility-messages.ts';

/** English for the accessibility page (loaded only when English is chosen). */
export const accessibilityEn: Record<keyof typeof accessibilityFr, string> = {
  'a11yPage.title': 'Accessibility',
  'a11yPage.intro':
    'Portée is designed to be usable by everyone: with a mouse, a keyboard, a screen reader or an enlarged display, on a computer as on a phone.',
  'a11yPage.modeHeading': 'The accessibility mode',
  'a11yPage.modeIntro':
    'The “Accessibility mode” button, at the top of every screen including the sign-in page, switches on at once:',
  'a11yPage.modeContrast': 'stronger contrast: text contrasts at least 7 to 1 with its background;',
  'a11yPage.modeText': 'larger text;',
  'a11yPage.modeSpacing': 'wider spacing between lines, paragraphs, letters and words;',
  'a11yPage.modeLinks': 'links always underlined;',
  'a11yPage.modeFocus': 'a thick focus indicator, clearly visible on the active element;',
  'a11yPage.modeTargets': 'buttons and links of at least 44 × 44 pixels;',
  'a11yPage.modeMotion': 'no animation or transition.',
  'a11yPage.modeRemember':
    'The button shows whether it is on. Your choice is remembered on this device and, once signed in, in your account: you find it again when you sign in on another device.',
  'a11yPage.systemHeading': 'Your device’s settings',
  'a11yPage.systemIntro': 'With or without the accessibility mode, Portée follows your system’s settings:',
  'a11yPage.systemContrast': 'increased contrast requested in the display settings;',
  'a11yPage.systemForcedColors':
    'forced colours (for instance Windows contrast themes): Portée then uses the colours chosen in the system;',
  'a11yPage.systemMotion': 'reduced motion.',
  'a11yPage.systemZoom': 'You can also enlarge the display with the browser’s zoom: the layout adapts, without horizontal scrolling.',
  'a11yPage.keyboardHeading': 'Using Portée with a keyboard',
  'a11yPage.keyboardSkip':
    'The first link of every screen, “Skip to content”, appears on the first press of the Tab key and goes straight to the main content.',
  'a11yPage.keyboardTab':
    'The Tab key moves through links, buttons and fields in reading order; Shift + Tab moves back. Enter opens a link; Enter or Space activates a button.',
  'a11yPage.keyboardNoDoubleClick':
    'Nothing needs a double-click: every row of the lists (students, courses, invoices…) has a link or a button, reached with Tab and opened with Enter.',
  'a11yPage.keyboardFocus':
    'After each change of screen, focus moves to the page’s title. A form’s errors are gathered in a summary that receives focus, with a link to each field to correct; what you typed is kept.',
  'a11yPage.statementHeading': 'Accessibility statement',
  'a11yPage.statementCommitment':
    'The conservatoire is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
  'a11yPage.statementScope': 'This accessibility statement applies to Portée, the conservatoire’s families’ portal.',
  'a11yPage.conformityHeading': 'Compliance status',
  'a11yPage.conformityTarget':
    'Portée aims at level AA of the Web Content Accessibility Guidelines (WCAG 2.2) and at compliance with the French accessibility framework (RGAA), version 4.1.',
  'a11yPage.conformityTotal': 'Portée is fully compliant with RGAA 4.1.',
  'a11yPage.conformityPartial': 'Portée is partially compliant with RGAA 4.1.',
  'a11yPage.conformityNone': 'Portée is not compliant with RGAA 4.1.',
  'a11yPage.conformityRate':
    'Measured compliance rate: {rate} of the RGAA 4.1 criteria that apply to Portée are met ({compliant} criteria compliant, {nonCompliant} non-compliant; {notApplicable} of the 106 criteria do not apply).',
  'a11yPage.conformityMethod':
    'This rate is computed from the grid of RGAA 4.1’s 106 criteria kept with Portée’s code: for each criterion, its status (compliant, non-compliant, not applicable) and how it was checked (automated axe and IBM Equal Access tests on every screen, forced colours, zoom and text spacing, a simulated screen reader, keyboard walkthroughs, code review). It is not the result of an audit by an independent auditor.',
  'a11yPage.contentHeading': 'Non-accessible content',
  'a11yPage.contentIntro': 'The content listed below is not accessible, for the following reasons.',
  'a11yPage.nonConformHeading': 'Non-compliances',
  'a11yPage.nonConformCriterion': 'Criterion {number}:',
  'a11yPage.nonConformNavigation':
    'The main menu is the only way to go from one screen to another: there is neither a site map nor a search engine. The menu is in the same place on every screen and the home page leads to the tasks in progress.',
  'a11yPage.nonConformPdf':
    'PDF invoices, receipts and attestations, made in the browser, are not tagged PDFs: screen readers do not convey their structure (headings, tables, reading order). Alternative: the same information is on Portée’s pages (each invoice’s page, the “Payment attestation” and “Enrolment attestation” pages).',
  'a11yPage.derogationsHeading': 'Exemptions for disproportionate burden',
  'a11yPage.derogationsNone': 'None.',
  'a11yPage.outOfScopeHeading': 'Content not subject to the accessibility obligation',
  'a11yPage.outOfScopePayfip':
    'The PayFiP online payment pages belong to the payment service of the French public finances directorate (DGFiP): their accessibility is outside the conservatoire’s control. If you cannot use them, the office will tell you the other ways to pay.',
  'a11yPage.outOfScopeUploads':
    'Documents uploaded by families (supporting documents) are third-party content, neither funded nor developed by the conservatoire, nor under its control.',
  'a11yPage.establishedHeading': 'Preparation of this statement',
  'a11yPage.establishedDate': 'This statement was prepared on {date}.',
  'a11yPage.establishedTechnologies': 'Technologies used to build Portée: HTML, CSS, JavaScript, WAI-ARIA.',
  'a11yPage.establishedToolsIntro': 'Tools and methods used to check accessibility:',
  'a11yPage.establishedToolAxe': 'axe-core, on every screen, with and without the accessibility mode;',
  'a11yPage.establishedToolIbm':
    'IBM Equal Access, a second automated tool that also looks inside components, on every screen and in both modes;',
  'a11yPage.establishedToolLayout':
    'display tests in forced colours, 320 pixels wide, at 400% zoom and with enlarged text spacing;',
  'a11yPage.establishedToolVirtualReader':
    'a simulated screen reader (@guidepup/virtual-screen-reader), which checks what is announced in the main journeys;',
  'a11yPage.establishedToolKeyboard': 'complete keyboard-only walkthroughs;',
  'a11yPage.establishedToolScreenReaders':
    'manual checks with the NVDA (Windows) and VoiceOver (macOS and iOS) screen readers, planned with the external audit.',
  'a11yPage.establishedPages':
    'Pages checked: every screen of Portée, including sign-in, lost password, home, family, billing, students, their courses and their history.',
  'a11yPage.contactHeading': 'Feedback and contact',
  'a11yPage.contactIntro':
    'If you cannot access some content or service of Portée, tell us: we will give you another way to get the information or the service, and we will fix the problem.',
  'a11yPage.contactEmail': 'By e-mail:',
  'a11yPage.contactPhone': 'By phone, to the office:',
  'a11yPage.contactDelay': 'We answer within 15 working days.',
  'a11yPage.remedyHeading': 'Legal recourse',
  'a11yPage.remedyIntro':
    'If you reported to us an accessibility problem that prevents you from accessing some content or service of Portée and did not get a satisfying answer, you can refer the matter to the Défenseur des droits (French rights ombudsman):',
  'a11yPage.remedyForm': 'write to the Défenseur des droits with the online form (in French)',
  'a11yPage.remedyChat': 'chat with the Défenseur des droits, on its website (in French)',
  'a11yPage.remedyDelegate': 'contact the Défenseur des droits’ delegate in your region (in French)',
  'a11yPage.remedyMail': 'send a letter by post, free of charge (no stamp needed):',
};
