/**
 * Whether another process `pid` is running (one of another user too: EPERM), for folders named after
 * the process that made them. This process counts as not running: a folder with its id was left by
 * an earlier process that had the same id.
 */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
