import { css } from 'lit';

/**
 * The billing tables: a real table from 40em up; below, each row becomes a card whose cells
 * carry their column name (data-label), so 320 px needs no horizontal scroll. Money right-aligned.
 */
export const billingTableStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.5em;
  }
  td.money, th.money {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  /* The label column shrinks and wraps (a long label at 320 px or in the mode's larger text would
     push the amounts off the screen); the amounts keep their width. */
  dl.totals {
    display: grid;
    grid-template-columns: minmax(0, max-content) auto;
    gap: 0.25em 1.5em;
    max-inline-size: 28rem;
  }
  dl.totals dt {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dl.totals dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dl.totals .due {
    font-size: 1.2em;
    font-weight: 700;
  }
  @media (max-width: 40em) {
    table.reflow, table.reflow thead, table.reflow tbody, table.reflow tr, table.reflow th, table.reflow td {
      display: block;
    }
    table.reflow thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.reflow tr {
      border: 1px solid var(--po-color-border);
      border-radius: var(--po-radius);
      margin-block-end: 0.75rem;
      padding: 0.5rem;
    }
    table.reflow td {
      border: none;
      padding: 0.15em 0;
      text-align: start;
      white-space: normal;
    }
    table.reflow td[data-label]::before {
      content: attr(data-label) ' : ';
      font-weight: 700;
    }
    table.reflow td:empty {
      display: none;
    }
  }
  @media print {
    button, .no-print {
      display: none !important;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
    table.reflow tr {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    table.reflow tr {
      border-color: CanvasText;
    }
  }
`;
