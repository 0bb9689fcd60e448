import type { todoFr } from '../todo-messages.ts';

export const todoEn: Record<keyof typeof todoFr, string> = {};
