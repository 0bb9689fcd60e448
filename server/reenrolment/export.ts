import type { Db } from '../db/client.ts';
import type { CampaignRow } from './campaigns.ts';
import { toCsv } from './csv.ts';
import { campaignData, familyState } from './progress.ts';

const CHOICES: Record<string, string> = { continue: 'Continuer', stop: 'Arrêter', change: 'Changer' };
const STATES: Record<string, string> = { done: 'Terminée', in_progress: 'En cours', not_started: 'Pas commencée' };

/**
 * The campaign's answers, one line per student (a family's own consents repeated on each of its
 * students' lines), one column per consent kind: "Accordé (v2)", "Refusé (v1, ancienne version)"
 * or empty. Families without students are left out, as in the progress.
 */
export async function campaignCsv(db: Db, campaign: CampaignRow): Promise<string> {
  const data = await campaignData(db, campaign);
  const kinds = data.kinds.filter((k) => k.active);
  const header = ['Famille', 'E-mail', 'État', 'Élève', 'Choix', 'Souhait', 'Commentaire', 'Répondu le', 'Informations confirmées le', ...kinds.map((k) => k.code)];
  const rows: Array<Array<string | number>> = [header];
  for (const f of data.families) {
    const students = data.students.get(f.id);
    if (!students) continue;
    const state = familyState(data, campaign, f.id).state;
    const consents = data.consents.get(f.id) ?? [];
    const confirmation = data.confirmations.get(f.id);
    for (const s of students) {
      const answer = data.answers.get(s.id);
      rows.push([
        [f.civility, f.firstName, f.lastName].filter(Boolean).join(' '),
        f.email,
        STATES[state],
        `${s.firstName} ${s.lastName}`,
        answer ? CHOICES[answer.choice] ?? answer.choice : '',
        answer?.wish ?? '',
        answer?.comment ?? '',
        answer?.answeredAt.slice(0, 10) ?? '',
        confirmation?.confirmedAt.slice(0, 10) ?? '',
        ...kinds.map((k) => {
          const c = consents.find((a) => a.consentKindId === k.id && a.studentId === (k.scope === 'student' ? s.id : null));
          if (!c) return '';
          const old = c.wordingVersion === k.wordingVersion ? '' : ', ancienne version';
          return `${c.given ? 'Accordé' : 'Refusé'} (v${c.wordingVersion}${old})`;
        }),
      ]);
    }
  }
  return toCsv(rows);
}
