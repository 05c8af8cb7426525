//! The `presslens` command: parses arguments and hands them to the library.

use clap::{Parser, ValueEnum};
use presslens::reader::{self, InputError};
use presslens::{Options, analyze, report};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  presslens story.txt                       annotated view in the terminal
  curl -s URL | html2text | presslens -     analyse piped text
  presslens --format json story.txt | jq '.summary.labels'
  presslens --format json -o report.json story.txt

Exit codes: 0 ok, 1 a gate failed, 2 error (bad input or usage).";

#[derive(Parser, Debug)]
#[command(
    name = "presslens",
    version,
    about = "Explainable analysis of news articles: direct quotes, reported claims, statistics and editorial language, sentence by sentence.",
    after_help = EXAMPLES
)]
struct Cli {
    /// Article to analyse (a text file), or `-` for standard input.
    /// Without it, standard input is read when it is not a terminal.
    input: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = reader::DEFAULT_MAX_BYTES)]
    max_bytes: u64,

    /// Summed editorial weight at which a sentence is labelled editorial.
    #[arg(long, value_name = "W", default_value_t = presslens::annotate::editorial::DEFAULT_THRESHOLD)]
    editorial_threshold: f32,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Human-readable, 80 columns.
    Text,
    /// One JSON document (documented in the README).
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Message(msg)) => {
            eprintln!("presslens: {msg}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    /// The reader of our output went away (`| head`): stop quietly.
    BrokenPipe,
    Message(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Message(format!("cannot write output: {e}"))
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    let (name, text) = match cli.input.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            let name = p.display().to_string();
            let text = reader::read_path(p, cli.max_bytes).map_err(|e| input_error(&name, e))?;
            (name, text)
        }
        Some(_) => ("-".to_string(), read_stdin(cli.max_bytes)?),
        None => {
            if io::stdin().is_terminal() {
                return Err(Failure::Message(
                    "no input: give a FILE, or pipe text in (see --help)".into(),
                ));
            }
            ("-".to_string(), read_stdin(cli.max_bytes)?)
        }
    };
    let options = Options {
        editorial_threshold: cli.editorial_threshold,
        ..Options::default()
    };
    let mut report = analyze(&text, &options);
    report.source.name = name.into();

    let mut out: Box<dyn Write> = match &cli.output {
        Some(path) => Box::new(BufWriter::new(std::fs::File::create(path).map_err(
            |e| {
                Failure::Message(format!(
                    "{}: cannot create output file: {e}",
                    path.display()
                ))
            },
        )?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    match cli.format {
        Format::Text => report::text::write(&mut out, &report)?,
        Format::Json => report::json::write(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn read_stdin(max_bytes: u64) -> Result<String, Failure> {
    reader::read_limited(io::stdin().lock(), max_bytes).map_err(|e| input_error("-", e))
}

fn input_error(name: &str, e: InputError) -> Failure {
    let name = if name == "-" { "<stdin>" } else { name };
    Failure::Message(format!("{name}: {e}"))
}
