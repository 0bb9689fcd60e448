import { hashPassword } from 'better-auth/crypto';
import { account, user } from '../schema/index.ts';
import { DEMO_TEACHER_KEY, TEACHERS, type SiteKey } from './demo-catalogue.ts';
import { idOf, newId, type SeedContext } from './demo-context.ts';
import type { FamilySeed } from './demo-people.ts';

export type PasswordKind = 'family' | 'secretariat' | 'teacher';

type AccountSeed = { username: string; site: SiteKey; password: PasswordKind } & (
  | { role: 'family'; family: FamilySeed }
  | { role: 'secretariat'; name: string; email: string }
  | { role: 'teacher'; teacher: string; email: string }
);

/** The sign-in accounts of docs/contract.md, plus a Limay family and secretariat for site isolation. */
export function demoAccounts(families: { demo: FamilySeed; martin: FamilySeed; limay: FamilySeed }): AccountSeed[] {
  return [
    { username: 'famille.demo', site: 'mantes', password: 'family', role: 'family', family: families.demo },
    { username: 'famille.martin', site: 'mantes', password: 'family', role: 'family', family: families.martin },
    {
      username: 'secretariat.demo', site: 'mantes', password: 'secretariat', role: 'secretariat',
      name: 'Secrétariat de Mantes', email: 'secretariat.mantes@conservatoire-portee.example',
    },
    {
      username: 'enseignant.demo', site: 'mantes', password: 'teacher', role: 'teacher',
      teacher: DEMO_TEACHER_KEY, email: 'claire.roussillon@conservatoire-portee.example',
    },
    { username: 'famille.limay', site: 'limay', password: 'family', role: 'family', family: families.limay },
    {
      username: 'secretariat.limay', site: 'limay', password: 'secretariat', role: 'secretariat',
      name: 'Secrétariat de Limay', email: 'secretariat.limay@conservatoire-portee.example',
    },
  ];
}

/** Each distinct password hashed once (scrypt is slow by design), before the transaction opens. */
export async function hashPasswords(passwords: Record<PasswordKind, string>): Promise<Record<PasswordKind, string>> {
  const [family, secretariat, teacher] = await Promise.all(
    [passwords.family, passwords.secretariat, passwords.teacher].map((pw) => hashPassword(pw)),
  );
  return { family, secretariat, teacher };
}

/** Users and their credential accounts; user ids are recorded as "user:<username>". */
export async function seedAccounts(
  ctx: SeedContext,
  accounts: readonly AccountSeed[],
  hashes: Record<PasswordKind, string>,
): Promise<void> {
  const at = ctx.now;
  const users = accounts.map((a) => {
    const base = {
      id: newId(ctx, `user:${a.username.toLowerCase()}`),
      emailVerified: true,
      createdAt: at,
      updatedAt: at,
      username: a.username.toLowerCase(),
      displayUsername: a.username,
      role: a.role,
      siteId: idOf(ctx, `site:${a.site}`),
    };
    switch (a.role) {
      case 'family':
        return {
          ...base,
          name: `${a.family.firstName} ${a.family.lastName}`,
          email: a.family.email,
          familyId: idOf(ctx, `family:${a.family.key}`),
        };
      case 'secretariat':
        return { ...base, name: a.name, email: a.email };
      case 'teacher': {
        const t = TEACHERS.find((x) => x.key === a.teacher);
        if (!t) throw new Error(`demo seed: unknown teacher ${a.teacher}`);
        return { ...base, name: `${t.firstName} ${t.lastName}`, email: a.email, teacherId: idOf(ctx, `teacher:${t.key}`) };
      }
    }
  });
  await ctx.tx.insert(user).values(users);

  await ctx.tx.insert(account).values(
    accounts.map((a, i) => ({
      id: crypto.randomUUID(),
      accountId: users[i].id,
      providerId: 'credential',
      userId: users[i].id,
      password: hashes[a.password],
      createdAt: at,
      updatedAt: at,
    })),
  );
}
