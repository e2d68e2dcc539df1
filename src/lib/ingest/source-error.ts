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

/**
 * Input that ingest refuses: its message is the whole report, `<file>:<line>: <what is wrong>` (or
 * `<file>: …` for a file refused as a whole), printed as it is, with no stack trace, since the
 * input is what needs fixing, not the code.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A problem in a dump, reported as `content/sources/<file>:<line>: <what is wrong>`. */
export class SourceError extends InputError {
  readonly place: SourcePlace;
  /** What is wrong, without the place: what a worker thread sends back for the error to be made again. */
  readonly problem: string;

  constructor(place: SourcePlace, problem: string) {
    super(`${formatPlace(place)}: ${problem}`);
    this.name = 'SourceError';
    this.place = { file: place.file, line: place.line };
    this.problem = problem;
  }
}
