import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Wall time in milliseconds. */
  ms: number;
  /**
   * CPU time of the whole process tree, in milliseconds, as last sampled (each process's last
   * SAMPLE_MS may be missed). Unlike wall time it hardly grows when others use the cores too.
   */
  cpuMs: number;
  /** Peak resident memory of the whole process tree, in bytes (sampled every SAMPLE_MS). */
  peakRss: number;
  /** Peak resident memory of each part of the tree, as `roleOf` names the processes. */
  peakRssByRole: Record<string, number>;
  /** How the tree's peak (`peakRss`) was shared among the roles at that moment: whose memory met at the peak. */
  peakRssSplit: Record<string, number>;
  /** Milliseconds from the start to the tree's peak. */
  peakAtMs: number;
  /** When each role was first and last seen running, in milliseconds from the start (to a sample). */
  spanByRole: Record<string, { fromMs: number; toMs: number }>;
  output: string;
}

/** Often enough for memory that grows over seconds; each sample reads /proc, which costs the build CPU. */
const SAMPLE_MS = 100;

/** /proc counts CPU time in clock ticks of 1/100 s (USER_HZ, the same on every Linux). */
const MS_PER_TICK = 10;

/**
 * A process and all its descendants now, from /proc (Linux): resident memory per role (`roleOf`
 * names a process by its command line, or leaves it to its parent's role), and the CPU time each
 * process has used so far.
 */
function treeSample(
  rootPid: number,
  rootRole: string,
  roleOf: (command: string) => string | undefined,
): { rssByRole: Map<string, number>; cpuMsByPid: Map<number, number> } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/mu.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/mu.exec(status)?.[1] ?? 0) * 1024);
      const siblings = children.get(parent);
      if (siblings) siblings.push(Number(entry));
      else children.set(parent, [Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const rssByRole = new Map<string, number>();
  const cpuMsByPid = new Map<number, number>();
  const stack: [number, string][] = [[rootPid, rootRole]];
  while (stack.length > 0) {
    const [pid, inherited] = stack.pop()!;
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // utime and stime: the 12th and 13th fields after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const times = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuMsByPid.set(pid, (Number(times[11]) + Number(times[12])) * MS_PER_TICK);
    } catch {
      // The process ended while we looked.
    }
    const role = pid === rootPid ? rootRole : (roleOf(command) ?? inherited);
    rssByRole.set(role, (rssByRole.get(role) ?? 0) + (rss.get(pid) ?? 0));
    for (const child of children.get(pid) ?? []) stack.push([child, role]);
  }
  return { rssByRole, cpuMsByPid };
}

/** Runs a command, timing it and sampling the peak memory of its process tree. */
export function measure(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    onOutput?: (text: string) => void;
    /** The role of the command's own process, and of each descendant by its command line (else its parent's). */
    rootRole?: string | undefined;
    roleOf?: ((command: string) => string | undefined) | undefined;
  },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRss = 0;
    const peakRssByRole: Record<string, number> = {};
    let peakRssSplit: Record<string, number> = {};
    let peakAtMs = 0;
    const spanByRole: Record<string, { fromMs: number; toMs: number }> = {};
    const cpuMs = new Map<number, number>();
    let output = '';
    const timer = setInterval(() => {
      if (!child.pid) return;
      const { rssByRole: byRole, cpuMsByPid } = treeSample(
        child.pid,
        options.rootRole ?? 'command',
        options.roleOf ?? (() => undefined),
      );
      for (const [pid, ms] of cpuMsByPid) cpuMs.set(pid, Math.max(cpuMs.get(pid) ?? 0, ms));
      const now = performance.now() - started;
      const total = [...byRole.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (total > peakRss) {
        peakRss = total;
        peakRssSplit = Object.fromEntries(byRole);
        peakAtMs = now;
      }
      for (const role of byRole.keys()) {
        const span = (spanByRole[role] ??= { fromMs: now, toMs: now });
        span.toMs = now;
      }
      for (const [role, bytes] of byRole) peakRssByRole[role] = Math.max(peakRssByRole[role] ?? 0, bytes);
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
      const cpu = [...cpuMs.values()].reduce((sum, used) => sum + used, 0);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed with code ${code}:\n${output.slice(-4000)}`));
      else resolve({ ms, cpuMs: cpu, peakRss, peakRssByRole, peakRssSplit, peakAtMs, spanByRole, output });
    });
  });
}
