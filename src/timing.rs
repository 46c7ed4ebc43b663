//! Stage timings for `AMBIT_TIMINGS=1`: how long each stage of a build took,
//! printed to stderr, for the benchmark and for anyone profiling a large site.

use std::time::Instant;

/// Prints the time since `start` for `stage` when `AMBIT_TIMINGS` is set, and returns a new start.
pub fn lap(stage: &str, start: Instant) -> Instant {
    if std::env::var_os("AMBIT_TIMINGS").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let mem = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map_or(String::new(), |v| v.trim().to_string())
        };
        crate::errln!(
            "timing: {stage:<10} {:>7.1} ms  (memory {}, peak {})",
            start.elapsed().as_secs_f64() * 1000.0,
            mem("VmRSS:"),
            mem("VmHWM:")
        );
    }
    Instant::now()
}
