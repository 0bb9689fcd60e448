import type { MailMessage } from '../mail/mailer.ts';

/** What a family is told about a teacher's absence: the lessons of its children it cancels. */
export interface CancelledLesson {
  courseId: string;
  courseName: string;
  date: string;
  studentFirstName: string;
}

export interface AbsenceNotice {
  teacherName: string;
  startDate: string;
  endDate: string;
  message: string;
  withdrawn: boolean;
  lessons: CancelledLesson[];
}

const day = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const at = (iso: string) => new Date(iso + 'T12:00:00Z');

/** "Mme Roussillon": how families name a teacher. */
export const teacherName = (t: { civility: string; lastName: string; firstName: string }) => [t.civility || t.firstName, t.lastName].filter(Boolean).join(' ');

const signature = '\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)';

export function absenceMail(to: { email: string; civility: string; firstName: string; lastName: string }, notice: AbsenceNotice): MailMessage {
  const hello = `Bonjour ${[to.civility, to.firstName, to.lastName].filter(Boolean).join(' ')},`;
  const lines = notice.lessons.map((l) => `- ${l.courseName} (${l.studentFirstName}), ${day.format(at(l.date))}`);
  if (notice.withdrawn) {
    return {
      to: to.email,
      subject: `Portée — cours maintenus : ${notice.teacherName} sera présent(e)`,
      text: `${hello}\n\nL’absence de ${notice.teacherName} annoncée précédemment est annulée. Ces cours ont lieu normalement :\n${lines.join('\n')}${signature}`,
    };
  }
  const message = notice.message ? `\n\nMessage de l’enseignant(e) ou du secrétariat :\n${notice.message}` : '';
  return {
    to: to.email,
    subject: `Portée — cours annulé : absence de ${notice.teacherName}`,
    text: `${hello}\n\n${notice.teacherName} sera absent(e). Ces cours sont annulés :\n${lines.join('\n')}${message}${signature}`,
  };
}

/** One SMS (the queue transliterates it to GSM-7 and cuts it to 160 characters). */
export function absenceSms(notice: AbsenceNotice): string {
  const courses = [...new Set(notice.lessons.map((l) => l.courseName))].join(', ');
  if (notice.withdrawn) return `Portée : l'absence de ${notice.teacherName} est annulée, les cours ont lieu (${courses}).`;
  if (notice.lessons.length === 1) {
    const [lesson] = notice.lessons;
    return `Portée : cours du ${shortDay.format(at(lesson.date))} annulé (${lesson.courseName}), absence de ${notice.teacherName}. Détails dans l'application.`;
  }
  return `Portée : ${notice.lessons.length} cours annulés du ${shortDay.format(at(notice.startDate))} au ${shortDay.format(at(notice.endDate))} (${courses}), absence de ${notice.teacherName}.`;
}
