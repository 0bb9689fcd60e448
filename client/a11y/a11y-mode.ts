import { savePreferences } from '../auth/data/auth-commands.ts';
import { Store } from '../state/store.ts';

const STORAGE_KEY = 'portee.a11yMode';

/**
 * The accessibility mode (docs/accessibility.md): a class on <html> that switches the design tokens
 * (contrast, text size, spacing, underlines, focus, target size, no motion). Remembered on the
 * device and, once signed in, in the account.
 */
class A11yMode extends Store<{ enabled: boolean }> {
  constructor() {
    super({ enabled: typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === '1' });
  }

  apply() {
    document.documentElement.classList.toggle('a11y-mode', this.value.enabled);
  }

  async setEnabled(enabled: boolean, opts: { signedIn: boolean }) {
    localStorage.setItem(STORAGE_KEY, enabled ? '1' : '0');
    this.set({ enabled });
    this.apply();
    if (opts.signedIn) {
      // Best effort: the device remembers it anyway; the account is told again at next sign-in.
      await savePreferences({ a11yMode: enabled }).catch(() => undefined);
    }
  }

  /** At sign-in: on if either the device or the account has it on; the account learns the device's choice. */
  async adoptAccountPreference(accountValue: boolean) {
    const enabled = accountValue || this.value.enabled;
    localStorage.setItem(STORAGE_KEY, enabled ? '1' : '0');
    this.set({ enabled });
    this.apply();
    if (enabled !== accountValue) await savePreferences({ a11yMode: enabled }).catch(() => undefined);
  }
}

export const a11yMode = new A11yMode();
