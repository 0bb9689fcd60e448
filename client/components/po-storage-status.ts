import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readStorageReport, type StorageProbe, type StorageReport } from '../data/storage-estimate.ts';
import { formatNumber, t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/** Bytes in the person's language, decimal units as the device's settings show them ("2,4 Mo", "2.4 MB"). */
function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : (['kilobyte', 1e3] as const);
  return formatNumber(bytes / size, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}

const formatPercent = (ratio: number) =>
  formatNumber(ratio, { style: 'percent', maximumFractionDigits: ratio < 0.01 ? 2 : 1 });

/**
 * What /accessibilite says of the data kept on this device: whether the browser keeps it durably
 * (`navigator.storage.persisted()`) and how much it uses of what Portée may use
 * (`navigator.storage.estimate()`), in the person's language; "not known" where the browser does
 * not say. Measured once when shown (nothing to announce: it is read with the page).
 *
 * @prop storage - where to ask (the browser's `navigator.storage` unless set; a stand-in in tests)
 */
@customElement('po-storage-status')
export class PoStorageStatus extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      ul {
        padding-inline-start: 0;
        list-style: none;
      }
      li + li {
        margin-block-start: 0.35em;
      }
      p, li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) storage?: Partial<StorageProbe> | null;
  @state() private report?: StorageReport;

  override connectedCallback() {
    super.connectedCallback();
    void this.measure();
  }

  private async measure() {
    // navigator.storage is undefined outside secure contexts and in old browsers.
    this.report = await readStorageReport(this.storage === undefined ? navigator.storage : (this.storage ?? undefined));
  }

  private persistence(report: StorageReport): string {
    if (report.persisted === null) return t('storage.unknown');
    return report.persisted ? t('storage.persisted') : t('storage.notPersisted');
  }

  private usage(report: StorageReport): string {
    if (report.usage === null) return t('storage.unknown');
    if (!report.quota) return t('storage.usageOnly', { usage: formatBytes(report.usage) });
    return t('storage.usage', { usage: formatBytes(report.usage), quota: formatBytes(report.quota), percent: formatPercent(report.usage / report.quota) });
  }

  override render() {
    const report = this.report;
    return html`
      <p>${t('storage.intro')}</p>
      <ul>
        <li id="storage-persisted"><strong>${t('storage.persistedLabel')}</strong> ${report ? this.persistence(report) : t('storage.measuring')}</li>
        <li id="storage-usage"><strong>${t('storage.usageLabel')}</strong> ${report ? this.usage(report) : t('storage.measuring')}</li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-storage-status': PoStorageStatus;
  }
}
