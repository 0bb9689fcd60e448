import { html } from 'lit';
import { t } from '../i18n/i18n.ts';

/**
 * What a secretariat screen shows when its live data could not be fetched: why, and "Réessayer"
 * (the secretariat works online: it decides on data that must be current).
 */
export const offlineNotice = (message: string, onRetry: () => void) =>
  html`<p class="notice warning">${message} <button type="button" @click=${onRetry}>${t('admin.retry')}</button></p>`;
