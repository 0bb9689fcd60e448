import { css } from 'lit';

/**
 * Styles every page shares (typography, links, buttons, forms, tables, notices), read from the
 * design tokens so the accessibility mode applies inside every shadow root. Each block has its
 * forced-colors counterpart with system colours.
 */
export const pageStyles = css`
  :host {
    display: block;
    color: var(--po-color-text);
  }
  h1, h2, h3 {
    line-height: 1.25;
    margin-block: 0 var(--po-paragraph-spacing);
      /* A long unbroken word (an invoice number in the mode's large, spaced text) wraps: no sideways scroll at 320 px. */
    overflow-wrap: break-word;
  }
  h1 {
    font-size: 1.75em;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: var(--po-focus-width) solid var(--po-color-focus);
    outline-offset: 4px;
  }
  h2 {
    font-size: 1.35em;
  }
  p, ul, ol, dl {
    margin-block: 0 var(--po-paragraph-spacing);
  }
  a {
    color: var(--po-color-link);
    text-decoration: var(--po-link-decoration);
    text-underline-offset: 0.15em;
    /* Padding grows an inline link's box (what a pointer hits) without moving the text: 24 px
       (WCAG 2.5.8) in normal mode for a link in a table or alone on its line; 44 px in the mode
       (--po-link-padding-block, set by the mode in tokens.css). */
    padding-block: var(--po-link-padding-block, 0.25em);
  }
  a:hover {
    text-decoration-thickness: 0.15em;
  }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
    outline: var(--po-focus-width) solid var(--po-color-focus);
    outline-offset: 2px;
  }
  button, .button {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    min-block-size: var(--po-target-size);
    min-inline-size: var(--po-target-size);
    padding: 0.5em 1.25em;
    border-radius: var(--po-radius);
    border: 2px solid var(--po-color-primary);
    background: var(--po-color-primary);
    color: var(--po-color-primary-text);
    cursor: pointer;
    transition: background var(--po-transition);
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
  }
  button.secondary, .button.secondary {
    background: var(--po-color-bg);
    color: var(--po-color-primary);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.75;
  }
  /* A form sending its request: still focusable (aria-disabled), visibly busy. */
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  form {
    display: grid;
    gap: var(--po-space);
    max-inline-size: 32rem;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--po-color-muted);
    font-size: 0.9em;
    margin: 0;
  }
  input, select, textarea {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    min-block-size: var(--po-target-size);
    padding: 0.4em 0.6em;
    border: 2px solid var(--po-color-border);
    border-radius: var(--po-radius);
    background: var(--po-color-bg);
    color: var(--po-color-text);
    box-sizing: border-box;
    inline-size: 100%;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] {
    border-color: var(--po-color-error);
    border-width: 3px;
  }
  .field-error {
    color: var(--po-color-error);
    font-weight: 600;
    margin: 0;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .notice {
    border-inline-start: 0.4em solid var(--po-color-primary);
    background: var(--po-color-surface);
    padding: 0.75em 1em;
    margin-block: 0 var(--po-paragraph-spacing);
  }
  .notice.error {
    border-color: var(--po-color-error);
    background: var(--po-color-error-bg);
  }
  .notice.success {
    border-color: var(--po-color-success);
    background: var(--po-color-success-bg);
  }
  .notice.warning {
    border-color: var(--po-color-text);
    background: var(--po-color-warning-bg);
  }
  .notice:focus {
    outline: var(--po-focus-width) solid var(--po-color-focus);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  dl.record {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.4em 1.5em;
  }
  dl.record dt {
    font-weight: 600;
  }
  dl.record dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30em) {
    dl.record {
      grid-template-columns: 1fr;
    }
    dl.record dd {
      margin-block-end: 0.5em;
    }
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th, td {
    text-align: start;
    padding: 0.5em;
    border-block-end: 1px solid var(--po-color-border);
    vertical-align: top;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button, .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    button[disabled], button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    a {
      color: LinkText;
    }
    input, select, textarea {
      border-color: CanvasText;
    }
    .notice {
      border: 1px solid CanvasText;
      border-inline-start-width: 0.4em;
    }
    .field-error, input[aria-invalid='true'] {
      color: CanvasText;
      border-color: Highlight;
    }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, h1:focus-visible {
      outline-color: Highlight;
    }
  }
  /* A checkbox or radio button beside its label (large enough to hit). */
  .check-row {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
  }
  /* The mode's 44 px targets for what is sized by its text: a disclosure's summary, and the label
     that activates a checkbox or radio (its line is 36 px in the mode). 0 outside the mode. */
  summary {
    padding-block: var(--po-link-padding-block, 0);
  }
  .check-row label {
    padding-block: calc(var(--po-link-padding-block, 0px) / 2);
  }
  .check-row input {
    inline-size: 1.5em;
    block-size: 1.5em;
    min-block-size: 1.5em;
    flex: none;
    margin-block-start: 0.15em;
  }
`;
