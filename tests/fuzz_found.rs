//! Every input a fuzzer (see `fuzz/`) found to fail, replayed through what
//! its target runs: `tests/fuzz_found/TARGET-what.bin`. The fuzz targets
//! need a nightly toolchain; these run with `cargo test`.

use std::path::Path;

#[path = "../fuzz/fuzz_targets/check_input.rs"]
mod check_input;

#[test]
fn every_input_the_fuzzers_found_runs_clean() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_found");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&folder).expect("tests/fuzz_found") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let data = std::fs::read(&path).expect("readable");
        match name.split('-').next() {
            Some("check") => check_input::run(&data),
            _ => panic!("{name}: no replay for this target; name it TARGET-what.bin"),
        }
        replayed += 1;
    }
    assert!(replayed > 0, "nothing replayed from {}", folder.display());
}
