/** Where a problem in a dump was found: the file (relative to content/sources) and its 1-based line. */
export interface SourcePlace {
  file: string;
  line: number;
}

/** Directory the dumps live in, as printed in error messages. */
export const SOURCES_DIR = 'content/sources';

export function formatPlace(place: SourcePlace): string {
  return `${SOURCES_DIR}/${place.file}:${place.line}`;
}

/** A problem in the input, reported as `content/sources/<file>:<line>: <what is wrong>`. */
export class SourceError extends Error {
  readonly place: SourcePlace;

  constructor(place: SourcePlace, problem: string) {
    super(`${formatPlace(place)}: ${problem}`);
    this.name = 'SourceError';
    this.place = place;
  }
}
