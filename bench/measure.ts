import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak resident memory of the whole process tree, in bytes (sampled every SAMPLE_MS). */
  peakRss: number;
  output: string;
}

/** Often enough for memory that grows over seconds; each sample reads /proc, which costs the build CPU. */
const SAMPLE_MS = 100;

/** Resident memory of a process and all its descendants now, from /proc (Linux). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/mu.exec(status)?.[1]);
      const kilobytes = Number(/^VmRSS:\s+(\d+)/mu.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kilobytes * 1024);
      const siblings = children.get(parent);
      if (siblings) siblings.push(Number(entry));
      else children.set(parent, [Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling the peak memory of its process tree. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; onOutput?: (text: string) => void },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRss = 0;
    let output = '';
    const timer = setInterval(() => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
    }, SAMPLE_MS);
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      options.onOutput?.(chunk.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed with code ${code}:\n${output.slice(-4000)}`));
      else resolve({ ms, peakRss, output });
    });
  });
}
