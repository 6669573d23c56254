// One progress bar per phase of a long command (on stderr), with the rate and an ETA; quiet when not a terminal.
import cliProgress from 'cli-progress';

export interface PhaseProgress {
  /** Starts (or restarts) the bar of `phase` with its total. */
  phase(name: string, total: number): void;
  /** Moves the bar of `phase` to `done`. */
  update(name: string, done: number): void;
  stop(): void;
}

export function phaseProgress(unit: string): PhaseProgress {
  const bars = new cliProgress.MultiBar(
    {
      format: ` {phase} |{bar}| {percentage}% {value}/{total} ${unit} · {rate}/s · ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let stopped = false;
  const phases = new Map<string, { bar: cliProgress.SingleBar; t0: number }>();
  const ensure = (name: string, total: number): { bar: cliProgress.SingleBar; t0: number } => {
    let p = phases.get(name);
    if (!p) {
      p = { bar: bars.create(total, 0, { phase: name.padEnd(13), rate: 0 }), t0: Date.now() };
      phases.set(name, p);
    }
    return p;
  };
  return {
    phase(name, total) {
      const p = ensure(name, total);
      p.bar.setTotal(total);
      p.t0 = Date.now();
      p.bar.update(0, { rate: 0 });
    },
    update(name, done) {
      const p = ensure(name, done);
      const seconds = Math.max(0.001, (Date.now() - p.t0) / 1000);
      if (done > p.bar.getTotal()) p.bar.setTotal(done);
      p.bar.update(done, { rate: Math.round(done / seconds).toLocaleString('en') });
    },
    stop() {
      // A second stop would print the bars again when not on a terminal.
      if (stopped) return;
      stopped = true;
      bars.stop();
    },
  };
}
