//! Stage timings for `AMBIT_TIMINGS=1`: how long each stage of a build took,
//! printed to stderr, for the benchmark and for anyone profiling a large site.

use std::time::Instant;

/// Prints the time since `start` for `stage` when `AMBIT_TIMINGS` is set, and returns a new start.
pub fn lap(stage: &str, start: Instant) -> Instant {
    if std::env::var_os("AMBIT_TIMINGS").is_some() {
        crate::errln!(
            "timing: {stage:<10} {:>7.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    Instant::now()
}
