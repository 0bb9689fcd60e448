import type { shellFr } from '../shell-messages.ts';

/** English messages of the shell's compact layout (client/i18n/shell-messages.ts). */
export const shellEn: Record<keyof typeof shellFr, string> = {
  'a11y.toggleShort': 'Accessibility',
};
