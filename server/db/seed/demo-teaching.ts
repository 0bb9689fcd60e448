import { course, department, room, site, teacher } from '../schema/index.ts';
import { COURSES, DEPARTMENTS, ROOMS, SITES, TEACHERS } from './demo-catalogue.ts';
import { YEAR_OFFSETS, idOf, newId, schoolYearAt, type SeedContext } from './demo-context.ts';

/** Sites, departments, rooms, teachers, then the course catalogue for each seeded school year. */
export async function seedTeaching(ctx: SeedContext): Promise<void> {
  const { tx, version } = ctx;

  await tx.insert(site).values(
    SITES.map(({ key, ...fields }) => ({ id: newId(ctx, `site:${key}`), ...fields, version })),
  );

  await tx.insert(department).values(
    SITES.flatMap((s) =>
      DEPARTMENTS.map((name) => ({
        id: newId(ctx, `department:${s.key}:${name}`),
        siteId: idOf(ctx, `site:${s.key}`),
        name,
        version,
      })),
    ),
  );

  await tx.insert(room).values(
    ROOMS.map((r) => ({
      id: newId(ctx, `room:${r.key}`),
      siteId: idOf(ctx, `site:${r.site}`),
      name: r.name,
      building: r.building,
      version,
    })),
  );

  await tx.insert(teacher).values(
    TEACHERS.map((t) => ({
      id: newId(ctx, `teacher:${t.key}`),
      siteId: idOf(ctx, `site:${t.site}`),
      civility: t.civility,
      lastName: t.lastName,
      firstName: t.firstName,
      version,
    })),
  );

  await tx.insert(course).values(
    YEAR_OFFSETS.flatMap((offset) =>
      COURSES.map((c) => ({
        id: newId(ctx, `course:${offset}:${c.key}`),
        siteId: idOf(ctx, `site:${c.site}`),
        schoolYear: schoolYearAt(ctx, offset),
        name: c.name,
        departmentId: idOf(ctx, `department:${c.site}:${c.department}`),
        teacherId: idOf(ctx, `teacher:${c.teacher}`),
        roomId: idOf(ctx, `room:${c.room}`),
        cycle: c.cycle,
        weekday: c.weekday,
        startTime: c.startTime,
        durationMinutes: c.durationMinutes,
        version,
      })),
    ),
  );
}

/** "Claire Roussillon": how a teacher is named on an absence's "recorded by". */
export function teacherName(key: string): string {
  const t = TEACHERS.find((x) => x.key === key);
  if (!t) throw new Error(`demo seed: unknown teacher ${key}`);
  return `${t.firstName} ${t.lastName}`;
}

export function courseTeacherKey(courseKey: string): string {
  const c = COURSES.find((x) => x.key === courseKey);
  if (!c) throw new Error(`demo seed: unknown course ${courseKey}`);
  return c.teacher;
}
