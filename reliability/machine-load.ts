// The machine's load average through a run, per phase: timings on a shared machine mean little without it.
import { cpus, loadavg } from 'node:os';

/** The 1-minute load average over one phase (its mean and maximum of samples every 15 s) and at its end. */
export interface PhaseLoad {
  phase: string;
  seconds: number;
  mean1m: number;
  max1m: number;
  atEnd: [number, number, number];
}

export interface MachineLoad {
  cpus: number;
  atStart: [number, number, number];
  atEnd: [number, number, number];
  phases: PhaseLoad[];
  /** How to read it: a load above the number of CPUs means processes waited for a CPU. */
  note: string;
}

const now = (): [number, number, number] => loadavg().map((v) => Math.round(v * 100) / 100) as never;

/** Samples the load average every 15 s; `phase(name)` starts a new phase, `finish()` returns the record. */
export function startLoadMonitor(): { phase(name: string): void; finish(): MachineLoad } {
  const atStart = now();
  const phases: PhaseLoad[] = [];
  let current: { name: string; t0: number; samples: number[] } | null = null;
  const close = (): void => {
    if (!current) return;
    const s = [...current.samples, loadavg()[0]!];
    phases.push({
      phase: current.name,
      seconds: Math.round((Date.now() - current.t0) / 1000),
      mean1m: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 100) / 100,
      max1m: Math.round(Math.max(...s) * 100) / 100,
      atEnd: now(),
    });
    current = null;
  };
  const timer = setInterval(() => current?.samples.push(loadavg()[0]!), 15_000);
  timer.unref();
  return {
    phase(name) {
      close();
      current = { name, t0: Date.now(), samples: [loadavg()[0]!] };
    },
    finish() {
      close();
      clearInterval(timer);
      const n = cpus().length;
      return {
        cpus: n,
        atStart,
        atEnd: now(),
        phases,
        note: `Load averages (1, 5, 15 min) from os.loadavg(); the machine has ${n} CPUs, so a load above ${n} means the run's processes waited for a CPU and its latencies include that wait.`,
      };
    },
  };
}
