import { accessSync, constants, statfsSync } from 'node:fs';

/** The system's memory file system, where Linux has one. */
const MEMORY_FOLDER = '/dev/shm';

/**
 * The memory file system (/dev/shm), when the system has one that can be written with `bytes` free
 * (a container's is often 64 MB); else null. Many small files there cost no disk time: writing and
 * deleting thousands of them on this project's machines' disk took seconds, and slowed later file
 * creation for minutes.
 */
export function memoryFolderWithRoom(bytes: number): string | null {
  try {
    accessSync(MEMORY_FOLDER, constants.W_OK);
    const { bavail, bsize } = statfsSync(MEMORY_FOLDER);
    return bavail * bsize > bytes ? MEMORY_FOLDER : null;
  } catch {
    return null; // No memory file system here.
  }
}
