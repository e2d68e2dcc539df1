/** A worker thread that builds the index for search from disk from the search records in the folder it is sent; see searchIndexes. */
import { parentPort } from 'node:worker_threads';
import { diskIndexScript } from './disk-index.ts';
import { readSearchRecords } from './records.ts';

parentPort!.once('message', (papersDir: string) => parentPort!.postMessage(diskIndexScript(readSearchRecords(papersDir))));
