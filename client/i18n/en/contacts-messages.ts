import type { contactsFr } from '../contacts-messages.ts';

export const contactsEn: Record<keyof typeof contactsFr, string> = {};
