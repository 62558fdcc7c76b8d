//! The bounded, CI half of the fuzzing: every committed seed and crash reproducer, the
//! repository's schemas and the small conformance schemas go through the same entry point as
//! `fuzz/` (see its README section), plus a fixed number of deterministic JSON-aware
//! mutations of each. A regression fails here without nightly or libFuzzer.

use std::path::{Path, PathBuf};

use bridgegen_fuzz::{check, mutate, Outcome, MAX_INPUT};
use bridgegen_test_support::{conformance_schemas, repo_path, require};

/// Mutations per seed: enough to leave the happy path, few enough for a run of seconds.
/// `BRIDGEGEN_FUZZ_MUTATIONS=N` runs more (a longer hunt without nightly).
fn mutations_per_seed() -> u64 {
    std::env::var("BRIDGEGEN_FUZZ_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(6)
}
/// Inputs above this size are replayed but not mutated; conformance schemas above it are left to
/// local fuzzing runs.
const SMALL: u64 = 8 * 1024;

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn run_with_mutations(path: &Path) -> Outcome {
    let data = std::fs::read(path).unwrap();
    let outcome = check(&data);
    if data.len() as u64 > SMALL {
        return outcome; // big inputs: replayed once, mutated only by local fuzzing runs
    }
    let mut rng = mutate::Rng::new(data.len() as u64);
    for i in 0..mutations_per_seed() {
        if let Some(mutant) = mutate::mutate(&data, MAX_INPUT, &mut rng) {
            let caught = std::panic::catch_unwind(|| check(&mutant));
            if caught.is_err() {
                let keep = std::env::temp_dir().join(format!("bridgegen-fuzz-{}-{i}.json", std::process::id()));
                std::fs::write(&keep, &mutant).unwrap();
                panic!("mutation {i} of {} broke an invariant; input saved to {}", path.display(), keep.display());
            }
        }
    }
    outcome
}

#[test]
fn committed_seeds_and_reproducers() {
    let seeds = files_in(&repo_path("fuzz/seeds"));
    assert!(seeds.len() >= 5, "fuzz/seeds holds only {} files", seeds.len());
    let mut bound = 0;
    for seed in &seeds {
        if matches!(run_with_mutations(seed), Outcome::Generated(_)) {
            bound += 1;
        }
    }
    assert!(bound >= 3, "only {bound} seeds bind: the seeds no longer reach the generators");
}

#[test]
fn repository_schemas_reach_every_generator() {
    let mut files = vec![repo_path("schema/alicloud.json"), repo_path("schema/kakaocloud.json")];
    files.extend(files_in(&repo_path("tests/schemas")));
    for file in &files {
        if let Outcome::Generated(targets) = run_with_mutations(file) {
            assert_eq!(targets.len(), 6, "{}", file.display());
        }
    }
    // The seed schemas are valid: every target must generate them, not just fail politely.
    for seed in ["schema/alicloud.json", "schema/kakaocloud.json"] {
        let Outcome::Generated(targets) = check(&std::fs::read(repo_path(seed)).unwrap()) else {
            panic!("{seed} does not bind");
        };
        for (target, result) in targets {
            assert!(matches!(result, Ok(n) if n > 0), "{seed}: {target}: {result:?}");
        }
    }
}

#[test]
fn small_conformance_schemas() {
    let schemas = require!(conformance_schemas());
    let small: Vec<_> = schemas.iter().filter(|(_, p)| std::fs::metadata(p).is_ok_and(|m| m.len() <= SMALL)).collect();
    assert!(!small.is_empty(), "no conformance schema under {SMALL} bytes");
    // Replayed as they are: their copies in fuzz/seeds are the ones mutated.
    for (_, path) in small {
        check(&std::fs::read(path).unwrap());
    }
}

/// The big conformance schemas (megabytes, minutes in a debug build) run only when asked:
/// `BRIDGEGEN_FUZZ_ALL=1 cargo test -p bridgegen-fuzz --release big_conformance_schemas`.
#[test]
fn big_conformance_schemas() {
    if std::env::var_os("BRIDGEGEN_FUZZ_ALL").is_none() {
        bridgegen_test_support::skip!("set BRIDGEGEN_FUZZ_ALL=1 to run the big conformance schemas");
    }
    let schemas = require!(conformance_schemas());
    for (name, path) in schemas.iter().filter(|(_, p)| std::fs::metadata(p).is_ok_and(|m| m.len() > SMALL)) {
        let outcome = bridgegen_fuzz::check_unbounded(&std::fs::read(path).unwrap());
        eprintln!("{name}: {outcome:?}");
    }
}

#[test]
fn inputs_are_bounded() {
    assert_eq!(check(&vec![b' '; MAX_INPUT + 1]), Outcome::TooLarge);
    assert_eq!(check(b"{\"name\":\"\xff\"}"), Outcome::NotUtf8);
    assert!(matches!(check(b"{"), Outcome::Invalid(n) if n > 0));
}
