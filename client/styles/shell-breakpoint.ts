import { css } from 'lit';

/**
 * The shell's one breakpoint, for `@container ${narrowShell} { … }` in the shell and the elements
 * it lays out. The container is the shell's top area once signed in (`po-shell`); em there are
 * the shell's own, so in the accessibility mode (text 1.25×) the menu folds below 900 px instead
 * of 720 px: the larger text and targets need the room sooner.
 */
export const narrowShell = css`po-shell (width < 45em)`;
