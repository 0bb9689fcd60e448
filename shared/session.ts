export type Role = 'family' | 'secretariat' | 'teacher';

/** What the client knows of the signed-in account (GET /api/session and the sign-in answer). */
export interface SessionInfo {
  user: {
    id: string;
    username: string;
    name: string;
    role: Role;
    siteId: string;
    siteName: string;
    familyId: string | null;
    teacherId: string | null;
    a11yMode: boolean;
    locale: 'fr' | 'en';
  };
  /** ISO time at which the session ends if nothing extends it (idle timeout). */
  expiresAt: string;
  /** Idle timeout in seconds, and how long before it the warning shows. */
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
}

/** GET /api/session without a session: 200 and this, so that the sign-in page logs no error. */
export interface SignedOut {
  user: null;
}

/** The landing page of each role. */
export const HOME_OF_ROLE: Record<Role, string> = {
  family: '/accueil',
  secretariat: '/admin',
  teacher: '/enseignant',
};

export interface SiteOption {
  id: string;
  name: string;
}
