import { css } from 'lit';

/**
 * Data tables that reflow into labelled cards under 40em (320 px, or 400 % zoom), so a page never
 * scrolls sideways: each cell then shows its column name from `data-label`. Long texts wrap,
 * never cut. Use with `pageStyles`; the table goes in a `.table-wrap`.
 */
export const reflowTableStyles = css`
  .table-wrap {
    max-inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5em;
  }
  td, th {
    overflow-wrap: anywhere;
  }
  .long {
    white-space: pre-line;
  }
  @media (max-width: 40em) {
    table, thead, tbody, tr, th, td {
      display: block;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      border: 1px solid var(--po-color-border);
      border-radius: var(--po-radius);
      margin-block-end: 1rem;
      padding: 0.5rem;
    }
    th, td {
      border: none;
      padding: 0.25em 0;
    }
    td[data-label]::before {
      content: attr(data-label) ' : ';
      font-weight: 700;
    }
    th[scope='row'] {
      font-size: 1.1em;
    }
  }
  @media (max-width: 40em) and (forced-colors: active) {
    tr {
      border-color: CanvasText;
    }
  }
`;
