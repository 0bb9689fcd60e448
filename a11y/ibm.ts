import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

export interface IbmIssue {
  ruleId: string;
  reasonId: string;
  message: string;
  path: string;
}

/**
 * Results of IBM's engine we consciously ignore: each a false positive on Portée, narrowed to the
 * rule and the element it is about, with its reason (the reviewed list, also in
 * docs/accessibility.md, "Second engine"). Anything else the engine reports fails the audit.
 */
export const IBM_IGNORED: Array<{ ruleId: string; path: RegExp; reason: string }> = [
  {
    ruleId: 'aria_content_in_landmark',
    path: /\/po-app-shell\[1\]\/#document-fragment\[1\]\/a\[1\]$/,
    reason:
      'The skip link ("Aller au contenu") comes first, before the banner, so that it is the first thing a keyboard reaches (WCAG technique G1); axe’s `region` rule exempts skip links for that reason.',
  },
];

const require = createRequire(import.meta.url);
// ace.js declares a global `ace`; evaluated as a script (not a tag) so the app's CSP does not stop it.
const ACE_SOURCE = readFileSync(require.resolve('accessibility-checker-engine/ace.js'), 'utf8');

/**
 * IBM's Equal Access engine, the second engine: unlike axe's and HTML_CodeSniffer's runners it
 * enters shadow roots, where every Portée component draws its controls. Returns the results of
 * level 'violation' that are failures (not the 'potential' ones a person must judge), less the
 * ignored rules.
 */
export async function ibmViolations(page: Page): Promise<IbmIssue[]> {
  if (!(await page.evaluate(() => 'ace' in window))) await page.evaluate(ACE_SOURCE);
  const issues = await page.evaluate(async () => {
    type AceIssue = { ruleId: string; reasonId?: string | number; message: string; value: [string, string]; path: Record<string, string> };
    const engine = (window as unknown as { ace: { Checker: new () => { check(doc: Document, rules: string[]): Promise<{ results: AceIssue[] }> } } }).ace;
    const report = await new engine.Checker().check(document, ['IBM_Accessibility']);
    return report.results
      .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
      .map((r) => ({ ruleId: r.ruleId, reasonId: String(r.reasonId ?? ''), message: r.message, path: r.path.dom }));
  });
  return issues.filter((issue) => !IBM_IGNORED.some((ignored) => ignored.ruleId === issue.ruleId && ignored.path.test(issue.path)));
}
