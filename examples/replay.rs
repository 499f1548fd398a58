//! Runs one input through a fuzz target's entry point, outside the fuzzer:
//!   cargo run --release --example replay -- save fuzz/artifacts/save/crash-…

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, path] = &args[..] else {
        eprintln!("usage: replay level|save|commands FILE");
        std::process::exit(2);
    };
    let data = std::fs::read(path).expect("readable input");
    let run = match target.as_str() {
        "level" => scored::harness::level,
        "save" => scored::harness::save,
        "commands" => scored::harness::commands,
        _ => panic!("unknown target {target}"),
    };
    let started = std::time::Instant::now();
    run(&data);
    eprintln!("{target}: returned after {:?}", started.elapsed());
}
