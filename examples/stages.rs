//! Time of each stage of the analysis on one file (CPU time of this thread).
use presslens::annotate::{self, Context};
use presslens::report::Summary;
use presslens::span::CharMap;
use presslens::{Options, segment};

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let options = Options::default();
    let mb = text.len() as f64 / 1e6;
    let cpu = || {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
        s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e9
    };
    let mut last = cpu();
    let mut lap = |name: &str| {
        let now = cpu();
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let mem: Vec<&str> = status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
            .collect();
        eprintln!(
            "{name:12} {:7.3} s cpu  {:7.1} MB/s  {mem:?}",
            now - last,
            mb / (now - last)
        );
        last = now;
    };
    let doc = segment::segment(&text);
    lap("segment");
    let mut sentences = presslens::unannotated_sentences(&text, &doc);
    let cx = Context {
        text: &text,
        start: 0,
        doc: &doc,
        options: &options,
    };
    let quotes = annotate::quote::detect(&cx, &mut sentences);
    lap("quote");
    annotate::claim::detect(&cx, &mut sentences, &quotes);
    lap("claim");
    annotate::statistic::detect(&cx, &mut sentences);
    lap("statistic");
    annotate::editorial::detect(&cx, &mut sentences, &quotes);
    lap("editorial");
    let map = CharMap::new(&text);
    for s in &mut sentences {
        map.fill(&mut s.span);
    }
    lap("charmap");
    let summary = Summary::build(doc.paragraphs.len(), &sentences);
    lap("summary");
    let mut report = presslens::Analysis::new(&text, &options).head();
    report.sentences = sentences;
    report.summary = summary;
    lap("segment again (head)");
    // What the CLI writes: `--format jsonl`, then `--format json`.
    presslens::report::json::write_line(&mut std::io::sink(), &report).unwrap();
    lap("json");
    presslens::report::json::write(&mut std::io::sink(), &report).unwrap();
    lap("json-pretty");
    drop(report);
    lap("drop");
    eprintln!("{mb:.1} MB, {} sentences", doc.sentences.len());
}
