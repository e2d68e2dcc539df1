import { format, isValid, parse } from 'date-fns';

/** A date as a dump shows it: `Mar 17, 2024` or, without a year, `Apr 25`. */
export interface ListingDate {
  /** The text as written in the dump, kept for display. */
  text: string;
  /** ISO `yyyy-MM-dd` when the year is known, otherwise null: a year is never guessed. */
  iso: string | null;
}

const WITH_YEAR = 'MMM d, yyyy';
const WITHOUT_YEAR = 'MMM d';
/** A leap year, so that `Feb 29` without a year is accepted as a real day. */
const LEAP_YEAR_REFERENCE = new Date(2000, 0, 1);

/** Parses `Mar 17, 2024` or `Apr 25`; returns null when the text is not a real calendar day. */
export function parseListingDate(text: string): ListingDate | null {
  const hasYear = text.includes(',');
  const date = parse(text, hasYear ? WITH_YEAR : WITHOUT_YEAR, LEAP_YEAR_REFERENCE);
  if (!isValid(date) || format(date, hasYear ? WITH_YEAR : WITHOUT_YEAR) !== text) return null;
  return { text, iso: hasYear ? format(date, 'yyyy-MM-dd') : null };
}
