//! Helpers shared by the integration tests: the binary and generated text.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// The release (or debug) binary under test.
pub fn presslens() -> Command {
    Command::cargo_bin("presslens").unwrap()
}

/// A made-up news article, different for each `seed`, with a headline,
/// dateline, quotes, numbers and a little non-ASCII text.
pub fn article(seed: usize) -> String {
    let towns = ["Riverton", "Ashford", "Kellby", "Northmere", "São Lucas"];
    let town = towns[seed % towns.len()];
    let mut text = format!("Council votes on budget number {seed}\n\n");
    text.push_str(&format!(
        "{} (Wire) — The council of {town} approved a budget of ${}.{} million on Tuesday, \
         a rise of {}% on last year, officials said.\n\n",
        town.to_uppercase(),
        seed % 90 + 10,
        seed % 10,
        seed % 30 + 1
    ));
    text.push_str(&format!(
        "“We listened to every resident,” said Mayor Dana Okafor. \
         Critics say the plan is a disastrous gamble that will cost {} jobs.\n\n",
        seed * 3 + 7
    ));
    for i in 0..(seed % 4) {
        text.push_str(&format!(
            "Paragraph {i} adds detail: the vote was {}–{}, and about half of the \
             members spoke. Some observers called it “historic.”\n\n",
            seed % 7 + 4,
            seed % 3
        ));
    }
    text.push_str("What happens next? We will have to wait and see!\n");
    text
}

/// Writes `text` to `dir/name`, creating parent directories.
pub fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// Parses every non-empty line of `out` as JSON.
pub fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Runs a bash script (for pipes such as `presslens … | head -1`).
pub fn bash(script: &str) -> std::process::Output {
    std::process::Command::new("bash")
        .args(["-c", script])
        .output()
        .unwrap()
}

/// Runs `presslens ARGS | head -1` and returns presslens's exit status as
/// bash saw it and everything written to stderr.
pub fn into_head(args: &str) -> (String, String) {
    let bin = env!("CARGO_BIN_EXE_presslens");
    let out = bash(&format!(
        "'{bin}' {args} | head -1 > /dev/null; echo \"${{PIPESTATUS[0]}}\""
    ));
    (
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
