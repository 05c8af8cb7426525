//! `cargo bench`: throughput of segmentation alone and of the full analysis
//! (with JSON serialisation to a sink), in bytes/s and sentences/s, on a
//! corpus made by repeating every bundled fixture article.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use presslens::{Options, analyze, segment};
use std::hint::black_box;
use std::path::Path;

/// All `*.txt` under fixtures/, repeated to about 2 MB.
fn corpus() -> String {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    files.sort();
    let mut one = String::new();
    for f in files {
        if let Ok(text) = std::fs::read_to_string(&f) {
            one.push_str(&text);
            one.push_str("\n\n");
        }
    }
    if one.trim().is_empty() {
        one = "The council said on Tuesday that Mr. Hale would vote against the plan. \
               It costs $4.5 million, 12% more than the U.S. average.\n\n"
            .to_string();
    }
    let mut corpus = String::new();
    while corpus.len() < 2_000_000 {
        corpus.push_str(&one);
    }
    corpus
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let sentences = segment::segment(&text).sentences.len() as u64;
    let options = Options::default();

    let mut bytes = c.benchmark_group("bytes");
    bytes.throughput(Throughput::Bytes(text.len() as u64));
    bytes.sample_size(20);
    bytes.bench_function("segment", |b| b.iter(|| segment::segment(black_box(&text))));
    bytes.bench_function("analyze+json", |b| {
        b.iter(|| {
            let report = analyze(black_box(&text), &options);
            serde_json::to_writer(std::io::sink(), &report).unwrap();
        })
    });
    bytes.finish();

    let mut sents = c.benchmark_group("sentences");
    sents.throughput(Throughput::Elements(sentences));
    sents.sample_size(20);
    sents.bench_function("analyze", |b| {
        b.iter(|| analyze(black_box(&text), &options))
    });
    sents.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
