//! The `presslens` command: parses arguments and hands them to the library
//! ([`presslens::batch`] does the work for one input or many).

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};
use presslens::annotate::editorial::Lexicon;
use presslens::batch::{self, Config, Format as OutFormat, Outcome};
use presslens::gates::Gate;
use presslens::reader;
use presslens::report::text::{self, ColorChoice, TextStyle};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  presslens story.txt                       annotated view in the terminal
  curl -s URL | html2text | presslens -     analyse piped text
  presslens --format json story.txt | jq '.summary.labels'
  presslens --format jsonl articles/ > reports.jsonl
  presslens --summary --max-ratio editorial=0.25 drafts/
  jq -c '{id, text}' corpus.jsonl | presslens --jsonl-in

Exit codes: 0 ok, 1 a gate failed, 2 error (bad input or usage). With
--jsonl-in, a bad record is an error record in the output and leaves the
exit code alone unless --strict is given.";

#[derive(Parser, Debug)]
#[command(
    name = "presslens",
    version,
    about = "Explainable analysis of news articles: direct quotes, reported claims, statistics and editorial language, sentence by sentence.",
    after_help = EXAMPLES
)]
struct Cli {
    /// Articles to analyse: text files, directories (walked recursively for
    /// --glob files, in name order), or `-` for standard input. Without
    /// any, standard input is read when it is not a terminal.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Output format [default: text; jsonl with --jsonl-in]. `json` writes
    /// one document, or one array when several inputs or a directory are
    /// given.
    #[arg(short, long, value_enum)]
    format: Option<Format>,

    /// Write the report to FILE instead of standard output (a directory
    /// for --format html with several inputs).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print only the summary of each report.
    #[arg(long)]
    summary: bool,

    /// File names to pick up in directories (repeatable; replaces the
    /// default *.txt, *.md, *.text). `*` and `?` wildcards, any case.
    #[arg(long, value_name = "PATTERN")]
    glob: Vec<String>,

    /// Read JSON lines `{"id": …, "text": …}` from standard input and write
    /// one report per line, in order, with its id.
    #[arg(long, conflicts_with = "inputs")]
    jsonl_in: bool,

    /// With --jsonl-in: exit 2 when any record could not be analysed.
    #[arg(long, requires = "jsonl_in")]
    strict: bool,

    /// Gate: fail (exit 1) when more than this share of sentences carry
    /// LABEL (direct_quote, reported_claim, statistic, editorial,
    /// unlabeled). Repeatable.
    #[arg(long, value_name = "LABEL=R", value_parser = Gate::parse_max_ratio)]
    max_ratio: Vec<Gate>,

    /// Gate: fail (exit 1) when more than N sentences carry LABEL. Repeatable.
    #[arg(long, value_name = "LABEL=N", value_parser = Gate::parse_max_count)]
    max_count: Vec<Gate>,

    /// Gate: fail (exit 1) on a finding: `unsourced-statistics` (a number
    /// no source backs) or `vague-sources` (`critics say`). Repeatable.
    #[arg(long, value_name = "FINDING", value_parser = Gate::parse_fail_on)]
    fail_on: Vec<Gate>,

    /// Colour the text output (`auto`: only on a terminal, and not when
    /// NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,

    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,

    /// Refuse inputs (or --jsonl-in lines) larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = reader::DEFAULT_MAX_BYTES)]
    max_bytes: u64,

    /// What the input is: `auto` picks html for .html/.htm files and pages
    /// opening with <!doctype html> or <html>, markdown for .md, else text.
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = clap::builder::TypedValueParser::map(
              clap::builder::PossibleValuesParser::new(reader::InputFormat::NAMES),
              |s| s.parse::<reader::InputFormat>().unwrap_or_default()))]
    input_format: reader::InputFormat,

    /// Add or remove editorial terms: a file of `term<TAB>kind<TAB>weight`
    /// lines (`#` comments; `-term` removes a built-in term).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,

    /// Summed editorial weight at which a sentence is labelled editorial.
    #[arg(long, value_name = "W", default_value_t = presslens::annotate::editorial::DEFAULT_THRESHOLD)]
    editorial_threshold: f32,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Human-readable, 80 columns.
    Text,
    /// One JSON document (an array for several inputs).
    Json,
    /// JSON Lines: one report per line.
    Jsonl,
    /// A self-contained annotated HTML page; with several inputs, one page
    /// each plus index.html in the --output directory.
    Html,
    /// A compact GitHub-flavoured Markdown summary (for pull requests and chat).
    Markdown,
}

impl From<Format> for OutFormat {
    fn from(f: Format) -> OutFormat {
        match f {
            Format::Text => OutFormat::Text,
            Format::Json => OutFormat::Json,
            Format::Jsonl => OutFormat::Jsonl,
            Format::Html => OutFormat::Html,
            Format::Markdown => OutFormat::Markdown,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

impl From<Color> for ColorChoice {
    fn from(c: Color) -> ColorChoice {
        match c {
            Color::Auto => ColorChoice::Auto,
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
        }
    }
}

fn main() -> ExitCode {
    batch::quiet_panics();
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // A panic outside one input's analysis (those are caught per input)
    // still ends in one line and exit code 2.
    let ran = panic::catch_unwind(AssertUnwindSafe(|| run(&cli, &matches)));
    let ran = ran.unwrap_or_else(|payload| Err(io::Error::other(batch::panic_message(&*payload))));
    match ran {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "presslens: {e}");
            ExitCode::from(2)
        }
    }
}

/// The gates in command-line order, whichever flag gave them.
fn gates_in_order(cli: &Cli, matches: &ArgMatches) -> Vec<Gate> {
    let mut gates: Vec<(usize, Gate)> = Vec::new();
    for (id, values) in [
        ("max_ratio", &cli.max_ratio),
        ("max_count", &cli.max_count),
        ("fail_on", &cli.fail_on),
    ] {
        let indices = matches.indices_of(id).into_iter().flatten();
        gates.extend(indices.zip(values.iter().copied()));
    }
    gates.sort_by_key(|&(i, _)| i);
    gates.into_iter().map(|(_, g)| g).collect()
}

/// Reads `--lexicon FILE` on top of the built-in lists.
fn load_lexicon(path: &std::path::Path) -> io::Result<std::sync::Arc<Lexicon>> {
    let name = path.display().to_string();
    let contents = std::fs::read_to_string(path)
        .map_err(|e| usage_error(&format!("{name}: cannot read lexicon: {e}")))?;
    Lexicon::with_user_file(&name, &contents)
        .map(std::sync::Arc::new)
        .map_err(|e| usage_error(&e.to_string()))
}

fn usage_error(message: &str) -> io::Error {
    io::Error::other(message.to_string())
}

fn run(cli: &Cli, matches: &ArgMatches) -> io::Result<Outcome> {
    let format = match (cli.jsonl_in, cli.format) {
        (true, None | Some(Format::Jsonl)) => Format::Jsonl,
        (true, Some(_)) => return Err(usage_error("--jsonl-in always writes --format jsonl")),
        (false, f) => f.unwrap_or(Format::Text),
    };
    let mut inputs = cli.inputs.clone();
    if inputs.is_empty() && !cli.jsonl_in {
        if io::stdin().is_terminal() {
            return Err(usage_error(
                "no input: give a FILE, or pipe text in (see --help)",
            ));
        }
        inputs.push(PathBuf::from("-"));
    }
    let to_terminal = cli.output.is_none() && io::stdout().is_terminal();
    let color = text::use_color(
        cli.color.into(),
        to_terminal,
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    );
    let several = inputs.len() > 1 || inputs.iter().any(|p| p.is_dir());
    // Settings not given on the command line keep the library's defaults.
    let mut config = Config::new(format.into());
    config.options.editorial_threshold = cli.editorial_threshold;
    if let Some(path) = &cli.lexicon {
        config.options.lexicon = Some(load_lexicon(path)?);
    }
    config.load.max_bytes = cli.max_bytes;
    config.load.format = cli.input_format;
    config.summary_only = cli.summary;
    config.array = several;
    config.gates = gates_in_order(cli, matches);
    config.style = TextStyle { color };
    config.progress = (several || cli.jsonl_in) && !cli.quiet && io::stderr().is_terminal();
    config.strict = cli.strict;
    let pages_dir = format == Format::Html && several;
    if pages_dir {
        let Some(dir) = &cli.output else {
            return Err(usage_error(
                "--format html with several inputs writes one page each: give --output DIR",
            ));
        };
        std::fs::create_dir_all(dir).map_err(|e| {
            usage_error(&format!(
                "{}: cannot create output directory: {e}",
                dir.display()
            ))
        })?;
        config.html_dir = Some(dir.clone());
    }
    let mut out: Box<dyn Write> = match &cli.output {
        Some(_) if pages_dir => Box::new(io::sink()),
        Some(path) => Box::new(BufWriter::new(std::fs::File::create(path).map_err(
            |e| {
                usage_error(&format!(
                    "{}: cannot create output file: {e}",
                    path.display()
                ))
            },
        )?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut err = io::stderr();
    let written = if cli.jsonl_in {
        batch::run_jsonl(io::stdin(), &config, &mut out, &mut err)
    } else {
        let globs: Vec<String> = if cli.glob.is_empty() {
            batch::DEFAULT_GLOBS.iter().map(|g| g.to_string()).collect()
        } else {
            cli.glob.clone()
        };
        batch::run_files(&inputs, &globs, &config, &mut out, &mut err)
    };
    // The kind stays, so that a broken pipe is still recognised.
    written.map_err(|e| io::Error::new(e.kind(), format!("cannot write output: {e}")))
}
