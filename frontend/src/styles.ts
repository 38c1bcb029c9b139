/** The card's looks, from the theme's variables, light or dark. */

import { css } from "lit";

export const cardStyles = css`
  :host {
    --esim-safe-color: var(--success-color, #43a047);
    --esim-soon-color: var(--warning-color, #ffa600);
    --esim-suspended-color: var(--error-color, #db4437);
    --esim-lost-color: var(--primary-text-color, #212121);
    --esim-track-color: var(--divider-color, rgba(0, 0, 0, 0.12));
    --esim-gap: var(--ha-space-3, 12px);
  }
  .lines {
    display: flex;
    flex-direction: column;
    padding: var(--esim-gap) var(--ha-space-4, 16px) var(--ha-space-4, 16px);
    gap: var(--ha-space-4, 16px);
  }
  ha-card[header] .lines,
  ha-card .lines:first-child {
    padding-top: var(--esim-gap);
  }
  .line {
    display: flex;
    flex-direction: column;
    gap: var(--ha-space-2, 8px);
    min-width: 0;
  }
  .line + .line {
    border-top: 1px solid var(--divider-color);
    padding-top: var(--ha-space-4, 16px);
  }
  .compact .line + .line {
    padding-top: var(--esim-gap);
  }
  .line {
    --esim-status-color: var(--secondary-text-color);
  }
  .line.active {
    --esim-status-color: var(--esim-safe-color);
  }
  .line.expiring-soon {
    --esim-status-color: var(--esim-soon-color);
  }
  .line.expired {
    --esim-status-color: var(--esim-suspended-color);
  }
  .line.lost {
    --esim-status-color: var(--esim-lost-color);
  }

  .head {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--esim-gap);
    width: 100%;
    min-width: 0;
    cursor: pointer;
    border-radius: var(--ha-border-radius-md, 8px);
    color: var(--primary-text-color);
  }
  .head:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 4px;
  }
  .badge {
    display: flex;
    align-items: center;
    justify-content: center;
    flex: none;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    color: var(--esim-status-color);
    background: color-mix(in srgb, var(--esim-status-color) 18%, transparent);
  }
  .who {
    display: flex;
    flex-direction: column;
    flex: 1 1 10em;
    min-width: 0;
  }
  .name {
    font-size: var(--ha-font-size-l, 16px);
    font-weight: var(--ha-font-weight-medium, 500);
    overflow-wrap: anywhere;
  }
  .carrier {
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .standing {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    margin-inline-start: auto;
    text-align: end;
  }
  .days {
    font-weight: var(--ha-font-weight-bold, 600);
  }
  .status {
    font-size: var(--ha-font-size-s, 12px);
    font-weight: var(--ha-font-weight-medium, 500);
    color: var(--esim-status-color);
  }

  .road {
    position: relative;
    display: flex;
    gap: 2px;
    height: 8px;
    margin: var(--ha-space-1, 4px) 0 0;
  }
  .stage {
    flex-basis: 0;
    border-radius: 4px;
    background: var(--esim-track-color);
  }
  .stage.safe {
    background: var(--esim-safe-color);
  }
  .expiring-soon .stage.safe {
    background: var(--esim-soon-color);
  }
  .stage.suspended {
    background: var(--esim-suspended-color);
  }
  .stage.lost {
    background: var(--esim-lost-color);
  }
  .stage.past {
    opacity: 0.25;
  }
  .stage.future {
    opacity: 0.4;
  }
  .today {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 4px;
    margin-inline-start: -2px;
    border-radius: 2px;
    background: var(--primary-text-color);
    box-shadow: 0 0 0 2px var(--ha-card-background, var(--card-background-color, #fff));
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--esim-gap);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .legend li::before {
    content: "";
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--esim-track-color);
  }
  .legend .safe::before {
    background: var(--esim-safe-color);
  }
  .expiring-soon .legend .safe::before {
    background: var(--esim-soon-color);
  }
  .legend .suspended::before {
    background: var(--esim-suspended-color);
  }
  .legend .lost::before {
    background: var(--esim-lost-color);
  }
  .legend .now {
    color: var(--primary-text-color);
    font-weight: var(--ha-font-weight-medium, 500);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--ha-space-6, 24px);
    margin: 0;
  }
  .fact {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  dt {
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  dd {
    display: flex;
    align-items: center;
    gap: var(--ha-space-2, 8px);
    margin: 0;
  }
  .meter {
    display: inline-block;
    width: 72px;
    height: 6px;
    border-radius: 3px;
    overflow: hidden;
    background: var(--esim-track-color);
  }
  .meter > span {
    display: block;
    height: 100%;
    background: var(--primary-color);
  }

  ha-select.plan {
    display: block;
    max-width: 24em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-2, 8px);
    margin-inline-start: -4px;
  }
  .actions ha-icon {
    --mdc-icon-size: 18px;
  }
  .compact-row {
    display: flex;
    align-items: center;
    gap: var(--ha-space-1, 4px);
  }
  .compact-row .head {
    flex: 1 1 0;
    flex-wrap: nowrap;
  }
  .compact .who {
    flex: 1 1 0;
  }
  /* A compact card of half a phone's width keeps its words, not its badge. */
  ha-card {
    container-type: inline-size;
  }
  @container (max-width: 240px) {
    .compact .badge {
      display: none;
    }
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--ha-space-2, 8px);
    align-items: baseline;
    font-size: var(--ha-font-size-s, 12px);
  }
  .compact .badge {
    width: 32px;
    height: 32px;
  }
  .compact .badge ha-icon {
    --mdc-icon-size: 20px;
  }
  .compact .legend li:not(.now) {
    display: none;
  }
  .renew {
    flex: none;
    color: var(--primary-color);
  }
  .empty {
    margin: 0;
    color: var(--secondary-text-color);
  }
  ha-alert {
    display: block;
  }
  .confirm-text {
    margin: 0;
  }
`;

export const dialogStyles = css`
  .description {
    margin-top: 0;
    color: var(--secondary-text-color);
  }
  .loading {
    display: flex;
    justify-content: center;
    padding: var(--ha-space-6, 24px);
  }
`;
