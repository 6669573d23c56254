// This process's peak resident memory, sampled once a second: maintenance commands report it (they must stay flat).

/** Starts sampling; the returned function gives the peak so far in MB. */
export function trackPeakRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 1000);
  timer.unref();
  return () => Math.round(Math.max(peak, process.memoryUsage.rss()) / 1e6);
}
