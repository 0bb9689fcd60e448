import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { IbmIssue } from './ibm.ts';
import type { TargetOffender } from './target-size.ts';

/** An axe violation, kept to what the report shows (it is stored as JSON between test workers). */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export interface AuditEntry {
  role: string;
  mode: 'normal' | 'accessibilité';
  target: string;
  /** When this screen was last measured (a targeted run updates only its own screens). */
  at: string;
  violations: AxeViolation[];
  passes: number;
  incomplete: number;
  /** IBM Equal Access violations (the second engine), less the documented false positives. */
  ibm: IbmIssue[];
  /** Targets under 24 px (normal) or 44 px (accessibility mode). */
  targets: TargetOffender[];
}

/** Everything that fails an entry, one line each: axe, then IBM, then target sizes. */
export function problemsOf(e: AuditEntry): string[] {
  return [
    ...e.violations.map((v) => `axe ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ...e.ibm.map((i) => `IBM ${i.ruleId}/${i.reasonId}: ${i.message} → ${i.path}`),
    ...e.targets.map((t) => `target ${t.width}×${t.height} px: ${t.selector}`),
  ];
}

/** The one-line summary `npm run test:a11y` prints. */
export function summaryLine(entries: AuditEntry[]): string {
  const count = (mode: AuditEntry['mode'], pick: (e: AuditEntry) => number) => entries.filter((e) => e.mode === mode).reduce((n, e) => n + pick(e), 0);
  const perMode = (mode: AuditEntry['mode']) =>
    `${mode} : axe ${count(mode, (e) => e.violations.length)}, IBM ${count(mode, (e) => e.ibm.length)}, cibles ${count(mode, (e) => e.targets.length)}`;
  return `Audit d’accessibilité : ${entries.length} écrans ou états — ${perMode('normal')} ; ${perMode('accessibilité')}.`;
}

const key = (e: AuditEntry) => `${e.role}|${e.mode}|${e.target}`;

/**
 * Adds a test's entries to the report: a person's (Markdown) and a tool's (JSON), in a11y/report/.
 * Called after each test, because Playwright starts a new worker (and forgets its memory) after a
 * failing test; a screen measured again replaces its earlier line.
 */
export function recordEntries(fresh: AuditEntry[], dir = 'a11y/report'): AuditEntry[] {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/report.json`;
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AuditEntry[]).filter((e) => Array.isArray(e.ibm)) : [];
  const replaced = new Set(fresh.map(key));
  const entries = [...earlier.filter((e) => !replaced.has(key(e))), ...fresh];
  writeFileSync(file, JSON.stringify(entries, null, 2));
  writeMarkdown(entries, dir);
  return entries;
}

function writeMarkdown(entries: AuditEntry[], dir: string) {
  const failing = entries.filter((e) => problemsOf(e).length);
  const lines = [
    '# Portée — audit d’accessibilité',
    '',
    'Moteurs : axe-core (WCAG 2.0/2.1/2.2 A et AA, plus `color-contrast-enhanced` AAA en mode accessibilité), ' +
      'IBM Equal Access (`IBM_Accessibility`, niveau « violation »), et la taille des cibles mesurée par `a11y/target-size.ts` ' +
      '(24 × 24 px en mode normal, 44 × 44 px en mode accessibilité).',
    '',
    `Dernière mesure : ${entries.map((e) => e.at).sort().at(-1)} — ${entries.length} écrans ou états audités, ${failing.length} avec des problèmes.`,
    '',
    summaryLine(entries),
    '',
    '| Profil | Mode | Écran / état | axe | IBM | Cibles trop petites | Règles axe respectées | À vérifier à la main |',
    '|---|---|---|---|---|---|---|---|',
    ...entries.map((e) => `| ${e.role} | ${e.mode} | \`${e.target}\` | ${e.violations.length} | ${e.ibm.length} | ${e.targets.length} | ${e.passes} | ${e.incomplete} |`),
    '',
    ...otherParts(dir),
  ];
  for (const e of failing) {
    lines.push(`## ${e.role} — ${e.mode} — \`${e.target}\``, '');
    for (const v of e.violations) {
      lines.push(`- axe **${v.id}** (${v.impact}) : ${v.help} — ${v.helpUrl}`);
      for (const node of v.nodes.slice(0, 5)) lines.push(`  - \`${node.target.join(' ')}\` : ${node.failureSummary?.replace(/\n/g, ' ')}`);
    }
    for (const i of e.ibm) lines.push(`- IBM **${i.ruleId}** (${i.reasonId}) : ${i.message} — \`${i.path}\``);
    for (const t of e.targets) lines.push(`- cible **${t.width} × ${t.height} px** : \`${t.selector}\``);
    lines.push('');
  }
  writeFileSync(`${dir}/report.md`, lines.join('\n'));
}

/**
 * The report's other parts, made by other runs into this folder and listed as they are found: the
 * screen-reader transcripts (`npm run test:components`, a11y/screen-reader-transcripts.mjs) and
 * the forced-colours screenshots (test/e2e/forced-colors.spec.ts, when it writes them here).
 */
function otherParts(dir: string): string[] {
  const files = (sub: string, ext: string) => (existsSync(`${dir}/${sub}`) ? readdirSync(`${dir}/${sub}`).filter((f) => f.endsWith(ext)).sort() : []);
  const section = (title: string, intro: string, sub: string, list: string[]) =>
    list.length ? [`## ${title}`, '', intro, '', ...list.map((f) => `- [${f.replace(/\.[a-z]+$/, '')}](${sub}/${f})`), ''] : [];
  return [
    ...section('Ce que dit un lecteur d’écran', 'Les parcours des tests `test/components/screen-reader-*.test.ts`, phrase par phrase (@guidepup/virtual-screen-reader) :', 'screen-readers', files('screen-readers', '.txt')),
    ...section('Couleurs forcées, contraste renforcé, mouvement réduit', 'Les captures de `test/e2e/forced-colors.spec.ts` :', 'forced-colors', files('forced-colors', '.png')),
  ];
}

export function summarise(result: AxeResults): Pick<AuditEntry, 'violations' | 'passes' | 'incomplete'> {
  const violations = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
  }));
  return { violations, passes: result.passes.length, incomplete: result.incomplete.length };
}
