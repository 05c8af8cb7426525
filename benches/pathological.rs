//! `cargo bench --bench pathological`: each pathological input of
//! tests/pathological.rs at N and 4N bytes (N = 256 KiB), analysed and
//! serialised to JSON. With linear scaling the 4N time is about four times
//! the N time (criterion reports both, in bytes/s the rates should match).
//! Figures from one run are in docs/robustness.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use presslens::reader::{self, InputFormat};
use presslens::{Options, analyze, analyze_loaded};
use std::hint::black_box;
use std::time::Duration;

const N: usize = 256 * 1024;

/// `piece` repeated (whole) until the text has at least `bytes` bytes.
fn repeat(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len()))
}

/// (name, generator of a text of about `bytes` bytes).
type Input = (&'static str, fn(usize) -> String);

const TEXT: &[Input] = &[
    ("line_no_punct", |n| repeat("council budget river vote ", n)),
    ("quotes_unbalanced", |n| repeat("“", n)),
    ("quotes_open_words", |n| repeat("“word ", n)),
    ("brackets_nested", |n| {
        let k = n / 2;
        format!("{}x{}", "(".repeat(k), ")".repeat(k))
    }),
    ("brackets_unclosed", |n| repeat("(", n)),
    ("abbreviations", |n| repeat("U.S. ", n)),
    ("punctuation_only", |n| repeat(".,;:!?-—()[]\"'“”…", n)),
    ("control_chars", |n| repeat("\0word\u{1}\u{7f}. ", n)),
    ("mixed_scripts", |n| {
        repeat(
            "שלום עולם. مرحبا؟ 😀👍🏽 e\u{301}\u{302} 日本語。 Mr. Smith said “hi.” 5% ",
            n,
        )
    }),
    ("news_one_paragraph", |n| {
        repeat(
            "Mr. Smith said “prices rose 5%,” according to the U.S. bureau. ",
            n,
        )
    }),
];

/// (name, reader format, generator), for inputs that go through the reader.
type Markup = (&'static str, InputFormat, fn(usize) -> String);

const MARKUP: &[Markup] = &[
    ("html_nested_divs", InputFormat::Html, |n| {
        let k = n / 11;
        format!(
            "<html><body>{}It rose 5%.{}",
            "<div>".repeat(k),
            "</div>".repeat(k)
        )
    }),
    ("html_unclosed_p", InputFormat::Html, |n| {
        format!("<!doctype html><body>{}", repeat("<p>“Yes, he said. ", n))
    }),
    ("markdown_nested_quotes", InputFormat::Markdown, |n| {
        format!("# T\n\n{}It rose 5%.", ">".repeat(n))
    }),
    ("markdown_lists", InputFormat::Markdown, |n| {
        repeat("* [a](b) “c” 5%\n", n)
    }),
];

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for &(name, make) in TEXT {
        for (size, n) in [("N", N), ("4N", 4 * N)] {
            let text = make(n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}/{size}"), |b| {
                b.iter(|| {
                    let report = analyze(black_box(&text), &options);
                    serde_json::to_vec(&report).unwrap().len()
                })
            });
        }
    }
    for &(name, format, make) in MARKUP {
        for (size, n) in [("N", N), ("4N", 4 * N)] {
            let bytes = make(n).into_bytes();
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function(format!("{name}/{size}"), |b| {
                b.iter(
                    || match reader::load("x", black_box(bytes.clone()), format) {
                        Ok(loaded) => serde_json::to_vec(&analyze_loaded(&loaded, &options))
                            .unwrap()
                            .len(),
                        Err(_) => 0,
                    },
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
