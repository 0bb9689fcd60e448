/**
 * The names of a teacher's push mutations, apart from their schemas (teaching-schemas.ts): the
 * command modules that queue them are also imported by pages that only read (a family's course
 * sheet withdraws an announced absence through them), and a name must not bring zod along
 * (docs/performance.md).
 */
export const TEACHING_MUTATIONS = {
  rollCall: 'teaching.rollCall',
  saveEvaluation: 'teaching.evaluation.save',
  deleteEvaluation: 'teaching.evaluation.delete',
  saveNote: 'teaching.note.save',
  deleteNote: 'teaching.note.delete',
  saveRepertoire: 'teaching.repertoire.save',
  deleteRepertoire: 'teaching.repertoire.delete',
} as const;
