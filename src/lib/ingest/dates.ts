import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/** A date as a dump shows it: `Mar 17, 2024` or, without a year, `Apr 25`. */
export interface ListingDate {
  /** The text as written in the dump, kept for display. */
  text: string;
  /** ISO `YYYY-MM-DD` when the year is known, otherwise null: a year is never guessed. */
  iso: string | null;
}

/** A leap year, so that `Feb 29` without a year is accepted as a real day. */
const LEAP_YEAR = '2000';

/** Dates already parsed: a dump repeats the same few dates on every entry. */
const parsed = new Map<string, ListingDate | null>();

/** Parses `Mar 17, 2024` or `Apr 25` strictly; returns null when the text is not a real calendar day. */
export function parseListingDate(text: string): ListingDate | null {
  let date = parsed.get(text);
  if (date === undefined) {
    date = parseDate(text);
    parsed.set(text, date);
  }
  return date === null ? null : { ...date };
}

function parseDate(text: string): ListingDate | null {
  const hasYear = text.includes(',');
  const date = hasYear ? dayjs(text, 'MMM D, YYYY', 'en', true) : dayjs(`${text} ${LEAP_YEAR}`, 'MMM D YYYY', 'en', true);
  if (!date.isValid()) return null;
  return { text, iso: hasYear ? date.format('YYYY-MM-DD') : null };
}
