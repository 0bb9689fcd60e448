import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

/** A pre-registration's status in words: "nouvelle", "en cours", "acceptée", "refusée". */
export const statusLabel = (status: string) => t(`adminPrereg.status.${status}` as MessageKey);
