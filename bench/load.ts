/** A figure for the benches' console lines: thousands separated, `digits` decimals. */
export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
