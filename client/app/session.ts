import type { SignInInput } from '../../shared/auth-schemas.ts';
import type { SessionInfo, SignedOut } from '../../shared/session.ts';
import { answer, answerOneOf, apiClient, OfflineError, HttpError, sessionExpired } from '../api/http.ts';
import { a11yMode } from '../a11y/a11y-mode.ts';
import { Store } from '../state/store.ts';

const CACHE_KEY = 'portee.session';

type Device = typeof import('./signed-in-entry.ts');
let deviceModule: Promise<Device> | null = null;
/**
 * The device's data and background work, loaded on first need (docs/performance.md), with the
 * rest of the signed-in code's door (./signed-in-entry.ts).
 */
const device = (): Promise<Device> =>
  (deviceModule ??= import('./signed-in-entry.ts').catch((error: unknown) => {
    // Not downloaded (the connection dropped): asked for again at the next need, not failed for
    // good, and said as the network's problem it is (a TypeError is a failed fetch; a script that
    // does not run is another error and stays one).
    deviceModule = null;
    throw error instanceof TypeError ? new OfflineError() : error;
  }));

function startSessionWork() {
  void device().then((d) => {
    // Signed out again while it loaded: nothing to start.
    if (session.value.phase !== 'signed-in') return;
    d.startSessionWork();
    d.refreshStatus().catch((error: unknown) => console.error('[sync]', error));
  }, () => {
    // Not downloaded: the screen that needs the signed-in code says so and offers to reload
    // (client/app/po-app.ts); the next sign-in or start asks again.
  });
}

/** Stops what was started; a device whose work was never loaded has nothing running. */
function stopSessionWork() {
  void deviceModule?.then((d) => d.stopSessionWork(), () => {
    // Never downloaded: nothing was started.
  });
}

export type SessionPhase = 'loading' | 'signed-in' | 'signed-out' | 'expired';

/**
 * Who is signed in on this device. The last known session is kept in localStorage so the shell
 * and the data open offline; the server stays the judge as soon as it answers (401 → expired).
 */
export const session = new Store<{ phase: SessionPhase; info: SessionInfo | null; reason: string | null }>({
  phase: 'loading',
  info: null,
  reason: null,
});

function cached(): SessionInfo | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as SessionInfo) : null;
  } catch {
    return null;
  }
}

function remember(info: SessionInfo | null) {
  if (info) localStorage.setItem(CACHE_KEY, JSON.stringify(info));
  else localStorage.removeItem(CACHE_KEY);
}

/** An expired session keeps the local data readable (and its queue) until the person signs in again. */
function expire(reason: string | null = null) {
  if (session.value.phase !== 'signed-in') return;
  stopSessionWork();
  session.set({ phase: 'expired', reason });
}

sessionExpired.addEventListener('expired', () => expire());

export async function bootSession() {
  const known = cached();
  if (known) {
    session.set({ phase: 'signed-in', info: known });
    startSessionWork();
  }
  let answered: SessionInfo | SignedOut;
  try {
    answered = await answerOneOf(apiClient.session.$get());
  } catch (error) {
    if (error instanceof OfflineError) {
      if (!known) session.set({ phase: 'signed-out' });
      return;
    }
    throw error;
  }
  if (!isSignedIn(answered)) {
    // The device knew an account whose session has ended: its data and queue stay for its next sign-in.
    if (known) expire();
    else session.set({ phase: 'signed-out' });
    return;
  }
  remember(answered);
  if (!known) startSessionWork();
  session.set({ phase: 'signed-in', info: answered });
}

const isSignedIn = (answered: SessionInfo | SignedOut): answered is SessionInfo => answered.user !== null;

/**
 * Signs in; when the device holds another account's data, it is wiped first (the sign-in page
 * warned about it). The same account finds its data and its queue as it left them.
 */
export async function signIn(input: SignInInput): Promise<SessionInfo> {
  const info = await answer(apiClient.session['sign-in'].$post({ json: input }));
  const d = await device();
  const owner = await d.deviceOwner();
  if (owner && owner !== info.user.id) await d.stopSessionWorkAndWipe();
  await d.setDeviceOwner(info.user.id);
  remember(info);
  session.set({ phase: 'signed-in', info, reason: null });
  await a11yMode.adoptAccountPreference(info.user.a11yMode);
  startSessionWork();
  return info;
}

/** Data of the account whose session expired, still on this device (for the sign-in page's warning). */
export function expiredAccount(): SessionInfo | null {
  return session.value.phase === 'expired' ? session.value.info : null;
}

export async function signOut() {
  try {
    await apiClient.session['sign-out'].$post();
  } catch {
    // Offline or already expired: the server session ends by itself; the device is wiped anyway.
  }
  await (await device()).stopSessionWorkAndWipe();
  remember(null);
  session.set({ phase: 'signed-out', info: null, reason: null });
}

/** "Prolonger la session": any request the person makes extends it; this one exists for that. */
export async function extendSession(): Promise<SessionInfo> {
  const answered = await answerOneOf(apiClient.session.$get());
  if (!isSignedIn(answered)) {
    expire();
    throw new HttpError(401, { error: { code: 'unauthorized', message: 'signed out' } });
  }
  remember(answered);
  session.set({ info: answered });
  return answered;
}

/** The idle timeout ran out on this device: end the session as the server will. */
export async function endIdleSession(message: string) {
  try {
    await apiClient.session['sign-out'].$post();
  } catch {
    // The server ends it on its own at the same time.
  }
  stopSessionWork();
  session.set({ phase: 'expired', reason: message });
}
