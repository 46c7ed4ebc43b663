//! Synthetic corpora for ambit's benchmarks and size measurements, kept out of the `ambit`
//! library and binary.
//!
//! - [`zipf`]: Swedish-like pages for measuring the search index (this crate's tests and the
//!   `search_size` binary);
//! - the `synth` binary: a whole content tree (and optionally a Hugo copy) for the speed
//!   benchmark `bench/run.sh`.

pub mod zipf;
