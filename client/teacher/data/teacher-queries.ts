import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';

/** A teacher's home: their classes of the current school year, by weekday and time, with rooms and students. */
export async function teacherHome(teacherId: string) {
  const year = schoolYearOf(new Date());
  const [teacher, courses, rooms, enrollments, students] = await Promise.all([
    db.teachers.get(teacherId),
    db.courses.where('teacherId').equals(teacherId).filter((c) => c.schoolYear === year).toArray(),
    db.rooms.toArray(),
    db.enrollments.where('schoolYear').equals(year).toArray(),
    db.students.toArray(),
  ]);
  courses.sort((a, b) => (a.weekday ?? 8) - (b.weekday ?? 8) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  return { teacher, courses, rooms, enrollments, students, year };
}
