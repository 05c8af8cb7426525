//! Many articles at once: expanding the inputs, analysing them on all cores
//! with the output in input order, and the `--jsonl-in` record stream.
//!
//! Memory stays bounded however many inputs there are: [`ordered_map`] keeps
//! at most a window of inputs in flight (pulled on a thread of their own,
//! read, analysed and rendered on the rayon pool, then held in a reorder
//! buffer until their turn), and every result is written as soon as the
//! ones before it are. Directories are walked lazily, one directory listing
//! at a time.
//!
//! This module is the library side of the command: it reads files and
//! standard input through [`crate::reader`], and writes to the writers it is
//! given (the report stream and the diagnostics stream); it never touches
//! stdout or stderr itself.
//!
//! Exit status ([`Outcome::exit_code`]): 0 when everything was analysed and
//! every gate passed, 1 when a gate failed, 2 when an input could not be read
//! (2 wins over 1). In `--jsonl-in` mode a record that cannot be analysed is
//! written as an error record and does not change the status, unless
//! `--strict` is given (then it is 2): a stream consumer such as Spark's
//! `rdd.pipe` or `parallel --pipe` would otherwise throw away a whole
//! partition's good results for one bad line.

use crate::gates::{self, Gate, GateResult};
use crate::reader::{self, InputError, Loaded};
use crate::report::html::{self, IndexEntry};
use crate::report::jsonl::{self, Body, ErrorRecord, Output, Record};
use crate::report::text::{self, TextStyle};
use crate::report::{Report, json, markdown};
use crate::{Analysis, Options, analyze, analyze_loaded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// File names a directory walk picks up unless `--glob` is given.
pub const DEFAULT_GLOBS: &[&str] = &["*.txt", "*.md", "*.text"];

/// Where one article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    Stdin,
    Path(PathBuf),
}

impl InputSource {
    /// `-` for standard input, else the path as given or found.
    pub fn name(&self) -> String {
        match self {
            InputSource::Stdin => "-".into(),
            InputSource::Path(p) => p.display().to_string(),
        }
    }

    /// The name in messages (`<stdin>` for standard input).
    pub fn display_name(&self) -> String {
        match self {
            InputSource::Stdin => "<stdin>".into(),
            InputSource::Path(p) => p.display().to_string(),
        }
    }
}

/// How inputs are read. Input readers for other formats plug in here.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_bytes: u64,
    /// `--input-format`: text, html, markdown, or picked per input.
    pub format: reader::InputFormat,
}

/// Reads one input and extracts its text: the one entry point for every mode.
pub fn load_input(source: &InputSource, load: &LoadOptions) -> Result<Loaded, InputError> {
    let bytes = match source {
        InputSource::Stdin => reader::read_limited_bytes(io::stdin().lock(), load.max_bytes)?,
        InputSource::Path(p) => reader::read_path_bytes(p, load.max_bytes)?,
    };
    reader::load(&source.name(), bytes, load.format)
}

/// A directory the walk could not list, or one where no file matched,
/// with the name to report.
#[derive(Debug)]
pub struct WalkError {
    pub name: String,
    pub message: String,
}

/// Expands command-line arguments into inputs, lazily and in a fixed order:
/// arguments as given; inside a directory, entries sorted by name, files
/// whose name matches one of `globs` (case-insensitive `*` and `?`
/// patterns), subdirectories walked recursively. Hidden entries (`.name`)
/// and symbolic links to directories are skipped; a file named on the
/// command line is taken whatever its name; `-` is standard input. A
/// directory argument in which no file matches is an error (a CI gate over
/// a mistyped or empty folder must not pass by finding nothing).
pub fn expand(args: &[PathBuf], globs: &[String]) -> Walk {
    Walk {
        stack: args
            .iter()
            .rev()
            .map(|p| (p.clone(), Found::Argument))
            .collect(),
        globs: globs.to_vec(),
        yielded: 0,
    }
}

#[derive(Clone, Copy)]
enum Found {
    Argument,
    /// Below a directory argument's entries: how many inputs had been
    /// yielded before it, to tell whether it gave any.
    ArgumentEnd(usize),
    Dir,
    File,
}

/// The iterator returned by [`expand`].
pub struct Walk {
    /// Paths still to visit, the next on top.
    stack: Vec<(PathBuf, Found)>,
    globs: Vec<String>,
    yielded: usize,
}

impl Iterator for Walk {
    type Item = Result<InputSource, WalkError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((path, found)) = self.stack.pop() {
            let source = match found {
                Found::Argument if path.as_os_str() == "-" => InputSource::Stdin,
                Found::Argument if !path.is_dir() => InputSource::Path(path),
                Found::File => InputSource::Path(path),
                Found::ArgumentEnd(before) if before == self.yielded => {
                    let patterns = self.globs.join(", ");
                    return Some(Err(WalkError {
                        name: path.display().to_string(),
                        message: format!("no file matching {patterns} in this directory"),
                    }));
                }
                Found::ArgumentEnd(_) => continue,
                Found::Argument | Found::Dir => {
                    if matches!(found, Found::Argument) {
                        let end = Found::ArgumentEnd(self.yielded);
                        self.stack.push((path.clone(), end));
                    }
                    if let Err(error) = self.push_dir(&path) {
                        // The listing error says it all: no "no file" too.
                        if matches!(found, Found::Argument) {
                            self.stack.pop();
                        }
                        return Some(Err(WalkError {
                            name: path.display().to_string(),
                            message: error.to_string(),
                        }));
                    }
                    continue;
                }
            };
            self.yielded += 1;
            return Some(Ok(source));
        }
        None
    }
}

impl Walk {
    /// Pushes a directory's wanted entries, sorted, the first on top.
    fn push_dir(&mut self, dir: &Path) -> Result<(), InputError> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(InputError::Unreadable)? {
            let entry = entry.map_err(InputError::Unreadable)?;
            let name = entry.file_name();
            let name_str = name.to_string_lossy();
            if name_str.starts_with('.') {
                continue;
            }
            let Ok(mut kind) = entry.file_type() else {
                continue;
            };
            if kind.is_symlink() {
                match std::fs::metadata(entry.path()) {
                    // A link to a directory could loop: only files are followed.
                    Ok(m) if m.is_file() => kind = m.file_type(),
                    // A dangling link to a wanted name is an input that
                    // cannot be read (reported, exit 2), not silently none.
                    Err(e)
                        if e.kind() == std::io::ErrorKind::NotFound
                            && self.globs.iter().any(|g| glob_match(g, &name_str)) =>
                    {
                        entries.push((name, Found::File));
                        continue;
                    }
                    _ => continue,
                }
            }
            if kind.is_dir() {
                entries.push((name, Found::Dir));
            } else if kind.is_file() && self.globs.iter().any(|g| glob_match(g, &name_str)) {
                entries.push((name, Found::File));
            }
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.stack.extend(
            entries
                .into_iter()
                .rev()
                .map(|(name, found)| (dir.join(name), found)),
        );
        Ok(())
    }
}

/// Matches a file name against a pattern with `*` (any run) and `?` (one
/// char), ignoring ASCII case.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().map(|c| c.to_ascii_lowercase()).collect();
    let n: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    let (mut pi, mut ni) = (0, 0);
    // Where the last `*` was, and how much of the name it has taken so far.
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// What the thread pulling the items and the workers tell [`ordered_map`].
enum Event<T, R> {
    Item(T),
    Done(usize, std::thread::Result<R>),
    /// No more items (or the iterator panicked).
    End(std::thread::Result<()>),
}

/// Maps `work` over `items` on the rayon pool and hands the results to
/// `sink` in input order (`Some(result)`), each as soon as the ones before
/// it are done; `sink(None)` says that nothing is ready right now (a good
/// moment to flush). At most `window` items are pulled and not yet handed
/// on at any time, so memory does not grow with the number of items.
///
/// The items are pulled on a thread of their own, so an iterator that
/// blocks (reading a pipe) does not hold back results that are ready. At
/// the first error of `sink` the map stops and returns it at once; that
/// thread is left to end with the process if it is blocked in a read.
pub fn ordered_map<T, R, E>(
    items: impl Iterator<Item = T> + Send + 'static,
    window: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(Option<R>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send + 'static,
    R: Send + 'static,
{
    let window = window.max(1);
    let (tx, rx) = mpsc::channel::<Event<T, R>>();
    let (permit_tx, permit_rx) = mpsc::channel::<()>();
    for _ in 0..window {
        let _ = permit_tx.send(());
    }
    let feeder = tx.clone();
    std::thread::spawn(move || {
        let mut items = items;
        let pulled = panic::catch_unwind(AssertUnwindSafe(|| {
            // A permit per item, returned when its result is handed on.
            while permit_rx.recv().is_ok() {
                let Some(item) = items.next() else { break };
                if feeder.send(Event::Item(item)).is_err() {
                    break;
                }
            }
        }));
        let _ = feeder.send(Event::End(pulled));
    });
    let work = &work;
    rayon::in_place_scope(|scope| {
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let (mut started, mut done, mut ended) = (0usize, 0usize, false);
        while !(ended && done == started) {
            let event = match rx.try_recv() {
                Ok(event) => event,
                Err(_) => {
                    sink(None)?;
                    // `tx` is alive here, so this waits rather than fails.
                    rx.recv().expect("ordered_map keeps a sender")
                }
            };
            match event {
                Event::Item(item) => {
                    let tx = tx.clone();
                    let index = started;
                    started += 1;
                    scope.spawn(move |_| {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                        // The receiver only goes away when the sink failed.
                        let _ = tx.send(Event::Done(index, result));
                    });
                }
                Event::Done(index, Ok(r)) => {
                    waiting.insert(index, r);
                    while let Some(r) = waiting.remove(&done) {
                        done += 1;
                        sink(Some(r))?;
                        let _ = permit_tx.send(());
                    }
                }
                Event::Done(_, Err(payload)) | Event::End(Err(payload)) => {
                    panic::resume_unwind(payload)
                }
                Event::End(Ok(())) => ended = true,
            }
        }
        Ok(())
    })
}

/// The output format of a batch run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    /// A self-contained annotated page (see [`crate::report::html`]).
    Html,
    /// A compact GitHub-flavoured summary (see [`crate::report::markdown`]).
    Markdown,
}

/// Everything a batch run needs besides its inputs and writers.
#[derive(Debug, Clone)]
pub struct Config {
    pub options: Options,
    pub load: LoadOptions,
    pub format: Format,
    /// `--summary`: write only each report's summary.
    pub summary_only: bool,
    /// `--format json` writes one array (several inputs) rather than one
    /// document.
    pub array: bool,
    pub gates: Vec<Gate>,
    pub style: TextStyle,
    /// Draw a progress bar on stderr (the caller checks it is a terminal).
    pub progress: bool,
    /// `--jsonl-in --strict`: a failed record makes the exit status 2.
    pub strict: bool,
    /// `--format html --output DIR` with several inputs: one page per
    /// article in DIR plus an `index.html` linking them.
    pub html_dir: Option<PathBuf>,
}

impl Config {
    /// With every other setting at its default.
    pub fn new(format: Format) -> Config {
        Config {
            options: Options::default(),
            load: LoadOptions {
                max_bytes: reader::DEFAULT_MAX_BYTES,
                format: reader::InputFormat::Auto,
            },
            format,
            summary_only: false,
            array: false,
            gates: Vec::new(),
            style: TextStyle::default(),
            progress: false,
            strict: false,
            html_dir: None,
        }
    }

    /// Inputs in flight at once: enough to keep every core busy while a
    /// slow input holds up the output.
    fn window(&self) -> usize {
        rayon::current_num_threads().max(1) * 4
    }
}

/// What a run did, for the exit status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Inputs (or records) seen.
    pub inputs: usize,
    /// Inputs that could not be read or analysed.
    pub errors: usize,
    /// Inputs with at least one failed gate.
    pub gate_failures: usize,
    /// Whether errors change the exit status (not so for `--jsonl-in`
    /// without `--strict`).
    pub errors_fail: bool,
}

impl Outcome {
    /// 0 ok, 1 a gate failed, 2 an input could not be read.
    pub fn exit_code(&self) -> u8 {
        if self.errors > 0 && self.errors_fail {
            2
        } else if self.gate_failures > 0 {
            1
        } else {
            0
        }
    }
}

/// One analysed (or failed) input, rendered and ready to write.
struct Done {
    name: String,
    /// The rendered report, or an error record.
    bytes: Vec<u8>,
    /// The reason it failed, for stderr.
    error: Option<String>,
    failed_gates: Vec<String>,
    /// The error stops the stream: it sets the exit status even where
    /// record errors do not (a failed read of standard input).
    fatal: bool,
    /// Its row in the page index (`--format html --output DIR`).
    index: Option<IndexEntry>,
}

impl Done {
    fn failed(name: String, error: String, bytes: Vec<u8>) -> Done {
        Done {
            name,
            bytes,
            error: Some(error),
            failed_gates: Vec::new(),
            fatal: false,
            index: None,
        }
    }
}

/// Renders one report in `config`'s format (without framing).
fn render(report: &Report, gates: &[GateResult], config: &Config) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    render_into(&mut out, report, gates, config)?;
    Ok(out)
}

/// Writes one report in `config`'s format (without framing) to `out`.
fn render_into(
    mut out: &mut impl Write,
    report: &Report,
    gates: &[GateResult],
    config: &Config,
) -> io::Result<()> {
    let body = if config.summary_only {
        Body::Summary(report)
    } else {
        Body::Report(report)
    };
    let output = Output {
        body,
        gates: (!config.gates.is_empty()).then_some(gates),
    };
    match config.format {
        Format::Text => {
            if config.summary_only {
                text::write_summary(&mut out, report, &config.style)?;
            } else {
                text::write_styled(&mut out, report, &config.style)?;
            }
            text::write_gates(&mut out, gates, &config.style)?;
        }
        Format::Json => json::write_output(&mut out, &output, true)?,
        Format::Jsonl => jsonl::write_output(&mut out, &output)?,
        Format::Html => {
            let failed = failed_messages(gates);
            let options = html::PageOptions {
                index_href: config.html_dir.as_ref().map(|_| "index.html"),
                failed_gates: (!config.gates.is_empty()).then_some(&failed[..]),
            };
            html::write_page(&mut out, report, &options)?;
        }
        Format::Markdown => {
            let failed = failed_messages(gates);
            let gates = (!config.gates.is_empty()).then_some(&failed[..]);
            markdown::write(&mut out, report, gates)?;
        }
    }
    Ok(())
}

fn failed_messages(gates: &[GateResult]) -> Vec<String> {
    gates
        .iter()
        .filter(|g| !g.passed)
        .map(GateResult::failure_message)
        .collect()
}

/// What goes before, between and after the rendered reports.
struct Framing {
    open: &'static str,
    between: &'static str,
    /// Written after the last report (only when there was one).
    after_last: &'static str,
    close: &'static str,
}

impl Framing {
    fn of(config: &Config) -> Framing {
        match (config.format, config.array) {
            (Format::Text, _) => Framing {
                open: "",
                between: "\n",
                after_last: "",
                close: "",
            },
            (Format::Json, false) => Framing {
                open: "",
                between: "\n",
                after_last: "\n",
                close: "",
            },
            (Format::Json, true) => Framing {
                open: "[\n",
                between: ",\n",
                after_last: "\n",
                close: "]\n",
            },
            (Format::Html | Format::Markdown, _) => Framing {
                open: "",
                between: "\n",
                after_last: "",
                close: "",
            },
            (Format::Jsonl, _) => Framing {
                open: "",
                between: "",
                after_last: "",
                close: "",
            },
        }
    }
}

thread_local! {
    /// Where the last panic on this thread happened, noted by the hook that
    /// [`quiet_panics`] installs, for the one-line error of the input.
    static PANIC_AT: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Replaces Rust's panic message (several lines on stderr, before the
/// input's own error) with nothing: a panic in an analysis is caught and
/// reported as one line naming the input, with where it happened and its
/// message ([`panic_message`]). With `RUST_BACKTRACE` set (and not `0`)
/// the default message and backtrace are printed as well, for debugging.
/// For a program's `main`; a library user keeps its own hook.
pub fn quiet_panics() {
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let here = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        PANIC_AT.with(|at| at.set(here));
        if verbose {
            default(info);
        }
    }));
}

/// The one-line error for a caught panic: its message and, when the hook
/// of [`quiet_panics`] saw it on this thread, where it happened.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    let what: String = what.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = PANIC_AT
        .with(|at| at.take())
        .map(|here| format!(" at {here}"))
        .unwrap_or_default();
    format!("internal error{at}: {what} (please report this, with the input)")
}

/// Catches a panic in the analysis of one input, so that one bad input
/// cannot take the others down; it is reported as that input's error.
fn guarded(name: String, f: impl FnOnce(String) -> Done) -> Done {
    let fallback = name.clone();
    panic::catch_unwind(AssertUnwindSafe(|| f(name)))
        .unwrap_or_else(|payload| Done::failed(fallback, panic_message(&*payload), Vec::new()))
}

/// One input on its own (one file or standard input, no array, no page
/// directory): read and analysed on this thread, and rendered straight into
/// the writer, so that the rendered report (for JSON several times the size
/// of the input) is never held in memory as a whole. Same output, messages
/// and counts as [`process_input`] through [`Writer::write`].
fn run_single(source: InputSource, config: &Config, writer: &mut Writer) -> io::Result<()> {
    let name = source.display_name();
    let caught = panic::catch_unwind(AssertUnwindSafe(|| -> io::Result<Option<Done>> {
        let input = match load_input(&source, &config.load) {
            Ok(input) => input,
            Err(e) => return Ok(Some(Done::failed(name.clone(), e.to_string(), Vec::new()))),
        };
        let analysis = Analysis::new(&input.text, &config.options);
        let mut report = analysis.head();
        report.describe_source(&input);
        writer.out.write_all(writer.framing.open.as_bytes())?;
        writer.written += 1;
        // The renderers write many small pieces: buffer them here, with
        // static dispatch, rather than through `dyn Write` one by one.
        let mut out = io::BufWriter::with_capacity(1 << 16, &mut *writer.out);
        let gates = (!config.gates.is_empty()).then_some(&config.gates[..]);
        let results = match config.format {
            // The report written as the analysis goes, never held whole
            // (HTML and markdown need it whole: they start with the summary).
            Format::Json | Format::Jsonl if !config.summary_only => {
                let pretty = config.format == Format::Json;
                let results = json::write_streamed(&mut out, &report, analysis, gates, pretty)?;
                if !pretty {
                    out.write_all(b"\n")?;
                }
                results
            }
            Format::Text if !config.summary_only => {
                text::write_head(&mut out, &report)?;
                let summary = analysis.run(|window| {
                    let style = &config.style;
                    window
                        .iter()
                        .try_for_each(|s| text::write_sentence(&mut out, s, style))
                })?;
                report.summary = summary;
                let results = gates::evaluate(&config.gates, &report.summary);
                text::summary_styled(&mut out, &report, &config.style)?;
                text::write_gates(&mut out, &results, &config.style)?;
                results
            }
            _ => {
                if config.summary_only {
                    report.summary = analysis.summary();
                } else {
                    (report.sentences, report.summary) = analysis.collect();
                }
                let results = gates::evaluate(&config.gates, &report.summary);
                render_into(&mut out, &report, &results, config)?;
                results
            }
        };
        out.flush()?;
        drop(out);
        // Counts it and reports failed gates; writes nothing (no bytes).
        writer.write(Some(Done {
            name: name.clone(),
            bytes: Vec::new(),
            error: None,
            failed_gates: failed_messages(&results),
            fatal: false,
            index: None,
        }))?;
        Ok(None)
    }));
    match caught {
        Ok(Ok(None)) => Ok(()),
        Ok(Ok(Some(done))) => writer.write(Some(done)),
        Ok(Err(e)) => Err(e),
        Err(payload) => writer.write(Some(Done::failed(
            name,
            panic_message(&*payload),
            Vec::new(),
        ))),
    }
}

/// Reads, analyses and renders one input.
fn process_input(source: InputSource, config: &Config) -> Done {
    guarded(source.display_name(), |name| {
        let input = match load_input(&source, &config.load) {
            Ok(input) => input,
            Err(e) => return Done::failed(name, e.to_string(), Vec::new()),
        };
        let report = analyze_loaded(&input, &config.options);
        finish(name, &report, config, |report, gates| {
            render(report, gates, config)
        })
    })
}

/// Evaluates the gates and renders the report.
fn finish(
    name: String,
    report: &Report,
    config: &Config,
    render: impl FnOnce(&Report, &[GateResult]) -> io::Result<Vec<u8>>,
) -> Done {
    let results = gates::evaluate(&config.gates, &report.summary);
    let failed_gates = failed_messages(&results);
    let index = config.html_dir.as_ref().map(|_| IndexEntry {
        failed_gates: failed_gates.clone(),
        ..IndexEntry::from_report(report, String::new())
    });
    match render(report, &results) {
        Ok(bytes) => Done {
            name,
            bytes,
            error: None,
            failed_gates,
            fatal: false,
            index,
        },
        Err(e) => Done::failed(name, format!("cannot render the report: {e}"), Vec::new()),
    }
}

/// Writes results in order, reports problems on `err`, and keeps count.
struct Writer<'w> {
    out: &'w mut dyn Write,
    /// `--format html --output DIR`: pages go to files, not to `out`.
    pages: Option<PageDir>,
    err: &'w mut dyn Write,
    framing: Framing,
    written: usize,
    outcome: Outcome,
    progress: ProgressBar,
}

impl Writer<'_> {
    fn problem(&mut self, name: &str, message: &str) {
        let err = &mut self.err;
        // Diagnostics are best effort: a closed stderr must not stop the run.
        self.progress.suspend(|| {
            let _ = writeln!(err, "presslens: {name}: {message}");
        });
    }

    /// Writes one result, or flushes when `None` (nothing ready for now).
    fn write(&mut self, done: Option<Done>) -> io::Result<()> {
        let Some(done) = done else {
            return self.out.flush();
        };
        self.progress.inc(1);
        if let Some(error) = &done.error {
            self.outcome.errors += 1;
            self.outcome.errors_fail |= done.fatal;
            self.problem(&done.name, error);
        }
        if !done.fatal {
            self.outcome.inputs += 1;
        }
        if !done.failed_gates.is_empty() {
            self.outcome.gate_failures += 1;
            for message in &done.failed_gates {
                self.problem(&done.name, message);
            }
        }
        if let (Some(pages), Some(mut entry)) = (&mut self.pages, done.index) {
            let file = html::page_file_name(&done.name, &mut pages.taken);
            std::fs::write(pages.dir.join(&file), &done.bytes).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("{}: {e}", pages.dir.join(&file).display()),
                )
            })?;
            entry.href = file;
            pages.entries.push(entry);
            self.written += 1;
        } else if !done.bytes.is_empty() {
            if self.written == 0 {
                self.out.write_all(self.framing.open.as_bytes())?;
            } else {
                self.out.write_all(self.framing.between.as_bytes())?;
            }
            self.out.write_all(&done.bytes)?;
            self.written += 1;
        }
        Ok(())
    }

    /// Writes a chunk's results in order, or flushes when `None`.
    fn write_all(&mut self, chunk: Option<Vec<Done>>) -> io::Result<()> {
        match chunk {
            Some(chunk) => chunk
                .into_iter()
                .try_for_each(|done| self.write(Some(done))),
            None => self.write(None),
        }
    }

    fn close(self, several: bool) -> io::Result<Outcome> {
        self.progress.finish_and_clear();
        if let Some(pages) = &self.pages {
            let path = pages.dir.join("index.html");
            let mut file = io::BufWriter::new(
                std::fs::File::create(&path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
            );
            html::write_index(&mut file, &pages.entries)?;
            file.flush()?;
        }
        if self.written == 0 {
            self.out.write_all(self.framing.open.as_bytes())?;
        } else {
            self.out.write_all(self.framing.after_last.as_bytes())?;
        }
        self.out.write_all(self.framing.close.as_bytes())?;
        self.out.flush()?;
        let o = self.outcome.clone();
        if several && o.gate_failures > 0 {
            let msg = format!("{} of {} inputs failed a gate", o.gate_failures, o.inputs);
            let _ = writeln!(self.err, "presslens: {msg}");
        }
        if several && o.errors > 0 && o.errors_fail {
            let msg = format!("{} of {} inputs could not be analysed", o.errors, o.inputs);
            let _ = writeln!(self.err, "presslens: {msg}");
        }
        Ok(o)
    }
}

/// Where `--format html --output DIR` puts its pages.
struct PageDir {
    dir: PathBuf,
    /// Page file names used so far (kept unique).
    taken: Vec<String>,
    entries: Vec<IndexEntry>,
}

fn progress_bar(config: &Config, total: Option<u64>, unit: &str) -> ProgressBar {
    if !config.progress {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(n) => (
            ProgressBar::new(n),
            format!("{{bar:40}} {{pos}}/{{len}} {unit} {{elapsed}} (eta {{eta}})"),
        ),
        None => (
            ProgressBar::no_length(),
            format!("{{spinner}} {{pos}} {unit} {{elapsed}} ({{per_sec}})"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    // Drawn at once, not only after the first input is done.
    bar.tick();
    bar
}

/// Analyses every input named by `args` (see [`expand`]) and writes the
/// reports to `out` in input order; problems go to `err`, one line each
/// (`presslens: NAME: problem`). Returns `Err` only when `out` fails (a
/// broken pipe included): the caller decides how to stop.
pub fn run_files(
    args: &[PathBuf],
    globs: &[String],
    config: &Config,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let total = config.progress.then(|| expand(args, globs).count() as u64);
    let several = config.array || args.len() > 1;
    let mut writer = Writer {
        out,
        pages: config.html_dir.as_ref().map(|dir| PageDir {
            dir: dir.clone(),
            taken: Vec::new(),
            entries: Vec::new(),
        }),
        err,
        framing: Framing::of(config),
        written: 0,
        outcome: Outcome {
            errors_fail: true,
            ..Outcome::default()
        },
        progress: progress_bar(config, total, "files"),
    };
    let single = match &args {
        [one] if !several && config.html_dir.is_none() => (one.as_os_str() == "-")
            .then_some(InputSource::Stdin)
            .or_else(|| one.is_file().then(|| InputSource::Path(one.clone()))),
        _ => None,
    };
    if let Some(source) = single {
        run_single(source, config, &mut writer)?;
        return writer.close(several);
    }
    // Files go to the workers a few at a time: one hand-over per file cost
    // three thread switches, 14% of the CPU time over 30,000 small files.
    let mut walk = expand(args, globs).peekable();
    let chunks = std::iter::from_fn(move || {
        let mut chunk = Chunk::default();
        while let Some(item) = walk.next_if(|_| !chunk.full()) {
            let size = match &item {
                Ok(InputSource::Path(path)) => std::fs::metadata(path).map_or(0, |m| m.len()),
                _ => 0,
            };
            chunk.push(item, size);
        }
        chunk.into_items()
    });
    ordered_map(
        chunks,
        config.window(),
        |chunk| {
            let done = |item| match item {
                Ok(source) => process_input(source, config),
                Err(WalkError { name, message }) => Done::failed(name, message, Vec::new()),
            };
            chunk.into_iter().map(done).collect::<Vec<_>>()
        },
        |chunk| writer.write_all(chunk),
    )?;
    writer.close(several)
}

/// Inputs handed to a worker at once: up to [`Chunk::ITEMS`], or fewer
/// whose sizes add up to [`Chunk::BYTES`], so that the window of
/// [`ordered_map`] still bounds the memory held (one big input is a chunk of
/// its own).
struct Chunk<T> {
    items: Vec<T>,
    bytes: u64,
}

impl<T> Default for Chunk<T> {
    fn default() -> Self {
        Chunk {
            items: Vec::new(),
            bytes: 0,
        }
    }
}

impl<T> Chunk<T> {
    const ITEMS: usize = 32;
    const BYTES: u64 = 256 * 1024;

    fn full(&self) -> bool {
        self.items.len() >= Self::ITEMS || self.bytes >= Self::BYTES
    }

    fn push(&mut self, item: T, bytes: u64) {
        self.items.push(item);
        self.bytes += bytes;
    }

    fn into_items(self) -> Option<Vec<T>> {
        (!self.items.is_empty()).then_some(self.items)
    }
}

/// How one line of the `--jsonl-in` stream ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// Ended by `\n`.
    Newline,
    /// The last line, with no `\n` after it.
    EndOfInput,
    /// Longer than the limit: its bytes were skipped, not kept.
    TooLong,
}

/// Reads one line into `buf` (without its `\n` or `\r\n`), keeping at most
/// `limit` bytes: a longer line is skipped to its end and reported as
/// [`LineEnd::TooLong`]. `None` at the end of the input.
pub fn read_line_limited(
    reader: &mut impl BufRead,
    limit: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Option<LineEnd>> {
    buf.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => None,
                (true, true) => Some(LineEnd::TooLong),
                (true, false) => Some(LineEnd::EndOfInput),
            });
        }
        any = true;
        let (piece, used, ended) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        if !too_long {
            if buf.len() + piece.len() > limit {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(piece);
            }
        }
        reader.consume(used);
        if ended {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(if too_long {
                LineEnd::TooLong
            } else {
                LineEnd::Newline
            }));
        }
    }
}

/// One line of the `--jsonl-in` stream.
struct Line {
    number: u64,
    bytes: Vec<u8>,
    end: LineEnd,
}

/// Why a record could not be analysed: the id (when it was read) and the
/// message of its error record.
type RecordError = (Value, String);

/// Parses one record: `{"id": …, "text": "…", other fields}`.
fn parse_record(
    line: &Line,
    limit: u64,
) -> Result<(Value, String, Map<String, Value>), RecordError> {
    if line.end == LineEnd::TooLong {
        return Err((
            Value::Null,
            format!("record larger than --max-bytes ({limit} bytes)"),
        ));
    }
    let value: Value = serde_json::from_slice(&line.bytes).map_err(|e| {
        let message = format!("invalid JSON: {e}");
        let message = if line.end == LineEnd::EndOfInput {
            format!("truncated last line (no newline at the end): {message}")
        } else {
            message
        };
        (Value::Null, message)
    })?;
    let Value::Object(mut fields) = value else {
        return Err((
            Value::Null,
            format!("expected a JSON object, found {}", kind_of(&value)),
        ));
    };
    let id = fields.remove("id").unwrap_or(Value::Null);
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            let message = format!("`text` is not a string (found {})", kind_of(&other));
            return Err((id, message));
        }
        None => return Err((id, "missing `text`".into())),
    };
    if let Err(e) = reader::check_not_empty(&text) {
        return Err((id, format!("`text`: {e}")));
    }
    fields.retain(|k, _| !jsonl::RESERVED_FIELDS.contains(&k.as_str()));
    Ok((id, text, fields))
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The record's name in messages and in `source.name`: its id when that is
/// a string or number, else `<stdin>:LINE`.
fn record_name(id: &Value, line: u64) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => format!("<stdin>:{line}"),
    }
}

fn process_record(line: Line, config: &Config) -> Done {
    guarded(format!("<stdin>:{}", line.number), |fallback| {
        let (id, text, extra) = match parse_record(&line, config.load.max_bytes) {
            Ok(parsed) => parsed,
            Err((id, message)) => {
                let mut bytes = Vec::new();
                let record = ErrorRecord {
                    line: line.number,
                    id: &id,
                    error: &message,
                };
                // Writing to a Vec cannot fail.
                let _ = jsonl::write_line(&mut bytes, &record);
                return Done::failed(fallback, message, bytes);
            }
        };
        let mut report = analyze(&text, &config.options);
        report.source.name = record_name(&id, line.number).into();
        let name = format!("<stdin>:{} ({})", line.number, report.source.name);
        finish(name, &report, config, |report, gates| {
            let body = if config.summary_only {
                Body::Summary(report)
            } else {
                Body::Report(report)
            };
            let record = Record {
                line: line.number,
                id: &id,
                output: Output {
                    body,
                    gates: (!config.gates.is_empty()).then_some(gates),
                },
                extra: &extra,
            };
            let mut bytes = Vec::new();
            jsonl::write_record(&mut bytes, &record)?;
            Ok(bytes)
        })
    })
}

/// `--jsonl-in`: reads records (`{"id": …, "text": …}`, one per line) from
/// `input` and writes one JSON line per record to `out`, in order (see
/// [`crate::report::jsonl`] for the shapes). Blank lines are skipped. At
/// most a window of records is held at once, whatever the stream's length.
pub fn run_jsonl(
    input: impl Read + Send + 'static,
    config: &Config,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let limit = usize::try_from(config.load.max_bytes).unwrap_or(usize::MAX);
    let mut writer = Writer {
        out,
        pages: None,
        err,
        framing: Framing::of(&Config::new(Format::Jsonl)),
        written: 0,
        outcome: Outcome {
            errors_fail: config.strict,
            ..Outcome::default()
        },
        progress: progress_bar(config, None, "records"),
    };
    let mut number = 0u64;
    let mut failed = false;
    let mut input = io::BufReader::with_capacity(1 << 16, input);
    // Yields the next non-blank lines (or the read error that ends the
    // stream) as a chunk: the first line waits for input, the others are
    // taken only if already read, so that a producer that sends a record
    // and waits for its answer gets it.
    let lines = std::iter::from_fn(move || {
        let mut chunk = Chunk::default();
        while !failed && !chunk.full() {
            if !chunk.items.is_empty() && memchr::memchr(b'\n', input.buffer()).is_none() {
                break;
            }
            let mut bytes = Vec::new();
            match read_line_limited(&mut input, limit, &mut bytes) {
                Ok(None) => break,
                Ok(Some(end)) => {
                    number += 1;
                    if end == LineEnd::TooLong || !bytes.iter().all(u8::is_ascii_whitespace) {
                        let size = bytes.len() as u64;
                        chunk.push(Ok(Line { number, bytes, end }), size);
                    }
                }
                Err(e) => {
                    failed = true;
                    chunk.push(Err(e), 0);
                }
            }
        }
        chunk.into_items()
    });
    ordered_map(
        lines,
        config.window(),
        |chunk| {
            let done = |line| match line {
                Ok(line) => process_record(line, config),
                Err(e) => Done {
                    fatal: true,
                    ..Done::failed("<stdin>".into(), format!("cannot read: {e}"), Vec::new())
                },
            };
            chunk.into_iter().map(done).collect::<Vec<_>>()
        },
        |chunk| writer.write_all(chunk),
    )?;
    writer.close(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn glob_patterns() {
        assert!(glob_match("*.txt", "story.txt"));
        assert!(glob_match("*.txt", "STORY.TXT"));
        assert!(glob_match("*.txt", ".txt"));
        assert!(!glob_match("*.txt", "story.txt.bak"));
        assert!(!glob_match("*.txt", "story.md"));
        assert!(glob_match("a?c*", "abcdef"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*a*b*", "xxaxxbxx"));
        assert!(!glob_match("*a*b", "xxaxxbxxc"));
        assert!(glob_match("*", ""));
        assert!(glob_match("ré*.txt", "résumé.txt"));
    }

    #[test]
    fn ordered_map_keeps_order_and_bounds_the_window() {
        let in_flight = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let mut seen = Vec::new();
        let (pulled, highest) = (in_flight.clone(), most.clone());
        let items = (0..200u64).inspect(move |_| {
            // Counted when the item leaves the iterator; released when written.
            let now = pulled.fetch_add(1, Ordering::SeqCst) + 1;
            highest.fetch_max(now, Ordering::SeqCst);
        });
        ordered_map(
            items,
            5,
            |i| {
                // Later items finish sooner: the reorder buffer must cope.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |r| {
                if let Some(r) = r {
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    seen.push(r);
                }
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 5, "{most:?}");
    }

    #[test]
    fn ordered_map_stops_at_the_first_sink_error() {
        let mut written = 0;
        let result = ordered_map(
            0..1000,
            4,
            |i| i,
            |i| match i {
                Some(10) => Err(10),
                Some(_) => {
                    written += 1;
                    Ok(())
                }
                None => Ok(()),
            },
        );
        assert_eq!(result, Err(10));
        assert_eq!(written, 10);
    }

    #[test]
    fn ordered_map_with_no_items() {
        let mut n = 0;
        ordered_map(
            std::iter::empty::<u8>(),
            4,
            |i| i,
            |r| {
                n += usize::from(r.is_some());
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(n, 0);
    }

    fn lines(input: &[u8], limit: usize) -> Vec<(Vec<u8>, LineEnd)> {
        // A tiny buffer makes lines cross buffer refills.
        let mut reader = io::BufReader::with_capacity(3, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(end) = read_line_limited(&mut reader, limit, &mut buf).unwrap() {
            out.push((buf.clone(), end));
        }
        out
    }

    #[test]
    fn reads_lines_with_a_limit() {
        let got = lines(b"abc\r\n0123456789\nxy", 5);
        assert_eq!(
            got,
            [
                (b"abc".to_vec(), LineEnd::Newline),
                (Vec::new(), LineEnd::TooLong),
                (b"xy".to_vec(), LineEnd::EndOfInput),
            ]
        );
        assert_eq!(lines(b"", 5), []);
        assert_eq!(lines(b"\n", 5), [(Vec::new(), LineEnd::Newline)]);
        assert_eq!(
            lines(b"12345\n", 5),
            [(b"12345".to_vec(), LineEnd::Newline)]
        );
        assert_eq!(lines(b"123456", 5), [(Vec::new(), LineEnd::TooLong)]);
    }

    fn record(
        json: &str,
        end: LineEnd,
    ) -> Result<(Value, String, Map<String, Value>), RecordError> {
        parse_record(
            &Line {
                number: 1,
                bytes: json.as_bytes().to_vec(),
                end,
            },
            100,
        )
    }

    #[test]
    fn parses_records_and_drops_reserved_fields() {
        let (id, text, extra) = record(
            r#"{"id": 7, "text": "Hello there.", "lang": "en", "summary": 1}"#,
            LineEnd::Newline,
        )
        .unwrap();
        assert_eq!(id, 7);
        assert_eq!(text, "Hello there.");
        assert_eq!(extra.keys().collect::<Vec<_>>(), ["lang"]);
        // A last line without newline is fine when it is whole.
        assert!(record(r#"{"text": "x"}"#, LineEnd::EndOfInput).is_ok());
    }

    #[test]
    fn record_errors() {
        let err = |json: &str, end| record(json, end).unwrap_err();
        assert!(
            err("{\"id\": 1, \"te", LineEnd::EndOfInput)
                .1
                .starts_with("truncated last line")
        );
        assert!(
            err("{not json}", LineEnd::Newline)
                .1
                .starts_with("invalid JSON: ")
        );
        assert_eq!(
            err("[1, 2]", LineEnd::Newline).1,
            "expected a JSON object, found an array"
        );
        assert_eq!(
            err(r#"{"id": "a"}"#, LineEnd::Newline),
            (Value::from("a"), "missing `text`".to_string())
        );
        assert_eq!(
            err(r#"{"id": "b", "text": 5}"#, LineEnd::Newline),
            (
                Value::from("b"),
                "`text` is not a string (found a number)".to_string()
            )
        );
        assert!(
            err(r#"{"text": "  "}"#, LineEnd::Newline)
                .1
                .contains("empty")
        );
        assert_eq!(
            err("", LineEnd::TooLong).1,
            "record larger than --max-bytes (100 bytes)"
        );
    }

    #[test]
    fn record_names() {
        assert_eq!(record_name(&Value::from("a1"), 3), "a1");
        assert_eq!(record_name(&Value::from(12), 3), "12");
        assert_eq!(record_name(&Value::Null, 3), "<stdin>:3");
    }

    #[test]
    fn single_json_report_is_what_report_json_writes() {
        let report = analyze(
            "One sentence. Another “quoted” one, 5%.",
            &Options::default(),
        );
        let mut expected = Vec::new();
        crate::report::json::write(&mut expected, &report).unwrap();
        let mut got = render(&report, &[], &Config::new(Format::Json)).unwrap();
        got.extend_from_slice(
            Framing::of(&Config::new(Format::Json))
                .after_last
                .as_bytes(),
        );
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn walk_reports_unreadable_and_empty_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("empty")).unwrap();
        let args = [dir.path().join("empty"), dir.path().join("missing-dir")];
        let items: Vec<_> = expand(&args, &["*.txt".to_string()]).collect();
        assert_eq!(items.len(), 2);
        let Err(e) = &items[0] else {
            panic!("{items:?}")
        };
        assert!(e.message.starts_with("no file matching *.txt"), "{e:?}");
        // A missing path is handed on as a file: reading it gives the error.
        assert!(matches!(&items[1], Ok(InputSource::Path(_))));
    }

    #[test]
    fn a_panic_in_one_input_is_its_one_line_error() {
        // The hook of `quiet_panics` is not installed here (it would hide
        // the messages of failing tests): the location is set by hand.
        let done = guarded("story.txt".into(), |_| {
            PANIC_AT.with(|at| at.set(Some("src/x.rs:7".into())));
            panic!("index 9 out of\n  range")
        });
        let error = done.error.expect("a caught panic is an error");
        assert_eq!(
            error,
            "internal error at src/x.rs:7: index 9 out of range (please report this, with the input)"
        );
        assert_eq!(done.name, "story.txt");
        // The location is used once: a later panic without one says less.
        let payload: Box<dyn std::any::Any + Send> = Box::new(String::from("boom"));
        assert_eq!(
            panic_message(&*payload),
            "internal error: boom (please report this, with the input)"
        );
    }

    #[test]
    fn exit_codes() {
        let mut o = Outcome {
            errors_fail: true,
            ..Outcome::default()
        };
        assert_eq!(o.exit_code(), 0);
        o.gate_failures = 1;
        assert_eq!(o.exit_code(), 1);
        o.errors = 1;
        assert_eq!(o.exit_code(), 2);
        o.errors_fail = false;
        assert_eq!(o.exit_code(), 1);
    }

    #[test]
    fn jsonl_stream_in_memory() {
        let input = b"{\"id\": \"a\", \"text\": \"One. Two.\"}\n\n{\"id\": \"b\"}\n{\"id\": \"c\", \"text\": \"Three.\"}";
        let mut out = Vec::new();
        let mut err = Vec::new();
        let outcome =
            run_jsonl(&input[..], &Config::new(Format::Jsonl), &mut out, &mut err).unwrap();
        let lines: Vec<Value> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(
            lines[1],
            serde_json::json!({"line": 3, "id": "b", "error": "missing `text`"})
        );
        assert_eq!(lines[2]["id"], "c");
        assert_eq!(outcome.errors, 1);
        assert_eq!(outcome.exit_code(), 0);
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "presslens: <stdin>:3: missing `text`\n"
        );
    }
}
