import { mkdirSync, writeFileSync } from 'node:fs';
import type { AxeResults, Result } from 'axe-core';

export interface AuditEntry {
  role: string;
  mode: 'normal' | 'accessibilité';
  target: string;
  violations: Result[];
  passes: number;
  incomplete: number;
}

/** A report a person can read (Markdown) and one a tool can (JSON), in a11y/report/. */
export function writeReport(entries: AuditEntry[], dir = 'a11y/report') {
  mkdirSync(dir, { recursive: true });
  const failing = entries.filter((e) => e.violations.length);
  const lines = [
    '# Portée — audit d’accessibilité (axe-core, WCAG 2.0/2.1/2.2 A et AA)',
    '',
    `Date : ${new Date().toISOString()} — ${entries.length} écrans ou états audités, ${failing.length} avec des violations.`,
    '',
    '| Profil | Mode | Écran / état | Violations | Règles respectées | À vérifier à la main |',
    '|---|---|---|---|---|---|',
    ...entries.map((e) => `| ${e.role} | ${e.mode} | \`${e.target}\` | ${e.violations.length} | ${e.passes} | ${e.incomplete} |`),
    '',
  ];
  for (const e of failing) {
    lines.push(`## ${e.role} — ${e.mode} — \`${e.target}\``, '');
    for (const v of e.violations) {
      lines.push(`- **${v.id}** (${v.impact}) : ${v.help} — ${v.helpUrl}`);
      for (const node of v.nodes.slice(0, 5)) lines.push(`  - \`${node.target.join(' ')}\` : ${node.failureSummary?.replace(/\n/g, ' ')}`);
    }
    lines.push('');
  }
  writeFileSync(`${dir}/report.md`, lines.join('\n'));
  writeFileSync(
    `${dir}/report.json`,
    JSON.stringify(entries.map((e) => ({ ...e, violations: e.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) })) })), null, 2),
  );
}

export function summarise(result: AxeResults): Pick<AuditEntry, 'violations' | 'passes' | 'incomplete'> {
  return { violations: result.violations, passes: result.passes.length, incomplete: result.incomplete.length };
}
