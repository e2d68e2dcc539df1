/** A worker thread that builds the index for search from disk from the search records in the folder it is sent; see searchIndexes. */
import { answerInWorker } from '../in-worker.ts';
import { diskIndexScript } from './disk-index.ts';
import { readSearchRecords } from './records.ts';

answerInWorker((papersDir: string) => diskIndexScript(readSearchRecords(papersDir)));
