import type { Weekday } from './zoned-clock.js';

/** When a campaign may open waves: on these days, between these hours, in this time zone. */
export type MigrationWindow = {
  days: Weekday[];
  /** `HH:MM-HH:MM`; an end before the start runs past midnight, into the next day. */
  hours: string;
  /** An IANA time zone (`Europe/Berlin`); the window follows its daylight-saving changes. */
  timezone: string;
};
