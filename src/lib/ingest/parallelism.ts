import { availableParallelism } from 'node:os';

/** Below this many papers, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;
/** Dumps hold about a paper per kilobyte or two: from their size, whether workers will be worth starting early. */
const BYTES_PER_PAPER_AT_MOST = 1024;

/** Cores ingest renders on, at most. */
export const cores = (): number => Math.min(availableParallelism(), 8);

/**
 * Whether ingest of dumps of `sourceBytes` in all will render on every core (a worker per core,
 * started before parsing), or on one. A module of its own, light to load for the build script.
 */
export function rendersInParallel(sourceBytes: number): boolean {
  return cores() >= 2 && sourceBytes / BYTES_PER_PAPER_AT_MOST >= PARALLEL_THRESHOLD;
}
