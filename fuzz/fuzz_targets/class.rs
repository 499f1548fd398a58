#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| scored::harness::class(data));
