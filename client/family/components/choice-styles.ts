import { css } from 'lit';

/** A radio or checkbox with its label as one full-size target (44 px in the accessibility mode), the box enlarged. */
export const choiceStyles = css`
  label.option {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--po-target-size);
    font-weight: 400;
    cursor: pointer;
  }
  label.option input {
    inline-size: 1.4em;
    block-size: 1.4em;
    margin: 0;
    flex: none;
  }
`;
