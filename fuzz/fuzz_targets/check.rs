#![no_main]
//! The whole `check` pipeline on any bytes, as the command line reads them
//! (lossily when they are not UTF-8), in Markdown or plain text, rendered in
//! every per-file format (see `check_input.rs`).

use libfuzzer_sys::fuzz_target;

mod check_input;

fuzz_target!(|data: &[u8]| check_input::run(data));
