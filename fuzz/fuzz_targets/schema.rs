//! Schema text -> load -> bind -> every generator (in memory); see `bridgegen_fuzz::check`.
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};

fuzz_target!(|data: &[u8]| {
    bridgegen_fuzz::check(data);
});

// Mostly JSON-aware edits (the parser is not where the interesting code is); libFuzzer's own
// byte-level mutations (with `schema.dict`) for the rest and for inputs that are not JSON.
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = bridgegen_fuzz::mutate::Rng::new(u64::from(seed));
    if rng.below(4) != 0 {
        if let Some(out) = bridgegen_fuzz::mutate::mutate(&data[..size], max_size, &mut rng) {
            data[..out.len()].copy_from_slice(&out);
            return out.len();
        }
    }
    libfuzzer_sys::fuzzer_mutate(data, size, max_size)
});
