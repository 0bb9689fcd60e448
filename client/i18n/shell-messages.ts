/** Messages of the shell's compact (phone) layout; the shell's older keys (`shell.*`) stay in messages-fr.ts. */
export const shellFr = {
  /** The accessibility toggle's visible label on a narrow screen; its name stays "Mode accessibilité". */
  'a11y.toggleShort': 'Accessibilité',
};
