import type { reenrolmentFr } from '../reenrolment-messages.ts';

export const reenrolmentEn: Record<keyof typeof reenrolmentFr, string> = {};
