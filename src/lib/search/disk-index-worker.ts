/** A worker thread that builds the index for search from disk from the search records in `workerData` (a folder); see searchIndexes. */
import { parentPort, workerData } from 'node:worker_threads';
import { diskIndexScript } from './disk-index.ts';
import { readSearchRecords } from './records.ts';

parentPort!.postMessage(diskIndexScript(readSearchRecords(workerData as string)));
