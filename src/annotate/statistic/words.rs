//! Word lists of the statistic detector: number words, units, currencies,
//! identifier words, and the pre-check that skips sentences without numbers.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What a word after a number says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Count,
    Measure,
    Money,
    Cents,
    Time,
}

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub kind: UnitKind,
    /// The currency code for money and cents.
    pub code: &'static str,
}

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Units by their lower-cased words; multi-word units (`service members`)
/// are keyed by their words joined with one space.
pub static UNITS: LazyLock<HashMap<String, Unit>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../statistic_units.txt")) {
        let parts: Vec<&'static str> = line.split_whitespace().collect();
        let coded = parts.len() >= 3 && matches!(parts[parts.len() - 2], "money" | "cents");
        let k = if coded {
            parts.len() - 2
        } else {
            parts.len() - 1
        };
        let kind = match parts[k] {
            "count" => UnitKind::Count,
            "measure" => UnitKind::Measure,
            "money" => UnitKind::Money,
            "cents" => UnitKind::Cents,
            "time" => UnitKind::Time,
            _ => continue,
        };
        let code = if coded { parts[k + 1] } else { "" };
        map.insert(parts[..k].join(" "), Unit { kind, code });
    }
    map
});

/// The unit named by two words (`service members`), looked up without
/// building the joined key on the heap.
pub fn unit2(first: &str, second: &str) -> Option<&'static Unit> {
    let mut buf = [0u8; 64];
    let len = first.len() + 1 + second.len();
    if len > buf.len() {
        return UNITS.get(format!("{first} {second}").as_str());
    }
    buf[..first.len()].copy_from_slice(first.as_bytes());
    buf[first.len()] = b' ';
    buf[first.len() + 1..len].copy_from_slice(second.as_bytes());
    // Two whole strs joined by an ASCII space are UTF-8.
    UNITS.get(std::str::from_utf8(&buf[..len]).ok()?)
}

/// Currency markers before an amount, to their codes.
pub static CURRENCIES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../statistic_currencies.txt"))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// Words that make the number after them a name or position (`Article 5`).
pub static IDENTIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../statistic_identifiers.txt")).collect());

/// The value of a cardinal number word below a hundred.
pub fn small_number(w: &str) -> Option<f64> {
    let v = match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(v as f64)
}

/// A tens word (`forty`) that may take a hyphenated unit (`forty-two`).
pub fn is_tens(w: &str) -> bool {
    matches!(
        w,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    )
}

/// Words that may open a quantity: number words, `a`/`an`, approximators,
/// `between`, fractions, plural magnitudes, multipliers.
pub fn is_starter(w: &str) -> bool {
    // One match (a length switch and byte compares), kept in step with the
    // functions and lists it stands for by the `starters_agree` test.
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "dozens"
            | "scores"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "doubled"
            | "doubling"
            | "doubles"
            | "tripled"
            | "trebled"
            | "tripling"
            | "triples"
            | "quadrupled"
            | "quadrupling"
            | "halved"
            | "halving"
            | "twofold"
            | "threefold"
            | "fourfold"
            | "fivefold"
            | "tenfold"
            | "hundredfold"
            | "a"
            | "an"
            | "between"
            | "half"
            | "twice"
            | "tens"
            | "more"
            | "less"
            | "fewer"
            | "greater"
            | "higher"
            | "at"
            | "up"
            | "as"
            | "close"
            | "upwards"
            | "in"
            | "just"
            | "well"
            | "some"
            | "about"
            | "around"
            | "roughly"
            | "nearly"
            | "almost"
            | "approximately"
            | "approx"
            | "estimated"
            | "over"
            | "under"
            | "circa"
    )
}

/// Multiplying words after a number: `4.5 million`, `3bn`, `40k`.
/// `m` is only a million after a currency (`$4.5m`); otherwise metres.
pub fn magnitude(w: &str, money: bool) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "m" if money => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "b" if money => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// `hundreds of`, `thousands of`: a vague lower bound.
pub fn plural_magnitude(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// The denominator of a fraction word: `third` → 3, `quarters` → 4.
pub fn denominator(w: &str) -> Option<f64> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Verbs that make a number a change (`rose 5%`, `fell by a third`).
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "rising"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "falling"
            | "increased"
            | "increase"
            | "increases"
            | "increasing"
            | "decreased"
            | "decrease"
            | "decreases"
            | "dropped"
            | "drop"
            | "drops"
            | "climbed"
            | "climb"
            | "climbs"
            | "jumped"
            | "jump"
            | "jumps"
            | "grew"
            | "grow"
            | "grows"
            | "grown"
            | "growth"
            | "declined"
            | "decline"
            | "declines"
            | "surged"
            | "surge"
            | "soared"
            | "plunged"
            | "plummeted"
            | "slid"
            | "slumped"
            | "tumbled"
            | "slipped"
            | "gained"
            | "gains"
            | "shrank"
            | "shrunk"
            | "cut"
            | "cuts"
            | "boosted"
            | "lowered"
            | "reduced"
            | "widened"
            | "narrowed"
            | "up"
            | "down"
    )
}

/// Verbs that add or take away time (`add 20 minutes`, `shaved 15
/// minutes off`): with them a duration is a measured change.
pub fn is_duration_verb(w: &str) -> bool {
    matches!(
        w,
        "add"
            | "adds"
            | "added"
            | "adding"
            | "shave"
            | "shaves"
            | "shaved"
            | "save"
            | "saves"
            | "saved"
            | "trim"
            | "trims"
            | "trimmed"
            | "extend"
            | "extends"
            | "extended"
            | "lengthened"
            | "shortened"
            | "delayed"
            | "averaged"
            | "averages"
    )
}

/// Nouns that measure time (`waits of up to three hours`).
pub fn is_wait_word(w: &str) -> bool {
    matches!(
        w,
        "wait"
            | "waits"
            | "delay"
            | "delays"
            | "commute"
            | "commutes"
            | "journey"
            | "trip"
            | "average"
            | "median"
            | "duration"
            | "times"
    )
}

/// Words next to a tally that make it a vote (`voted 52-48`, `a 6-3
/// decision`).
pub fn is_vote_word(w: &str) -> bool {
    matches!(
        w,
        "vote"
            | "votes"
            | "voted"
            | "voting"
            | "decision"
            | "ruling"
            | "verdict"
            | "tally"
            | "margin"
    )
}

/// Words after `a 10-point` that make it a margin (`a 10-point lead`).
pub fn is_margin_word(w: &str) -> bool {
    matches!(
        w,
        "lead"
            | "margin"
            | "gap"
            | "edge"
            | "advantage"
            | "deficit"
            | "swing"
            | "drop"
            | "jump"
            | "rise"
            | "fall"
            | "increase"
            | "decline"
    )
}

/// Words after a hyphenated distance that make it an event name, not a
/// measure (`the 400-meter race`, `the 100-metre freestyle`).
pub fn is_event_word(w: &str) -> bool {
    matches!(
        w,
        "race"
            | "races"
            | "dash"
            | "relay"
            | "hurdles"
            | "freestyle"
            | "backstroke"
            | "breaststroke"
            | "butterfly"
            | "medley"
            | "individual"
            | "sprint"
            | "final"
            | "finals"
            | "event"
            | "steeplechase"
            | "title"
    )
}

/// Multiplier verbs: `doubled` → 2.
pub fn multiplier_verb(w: &str) -> Option<f64> {
    Some(match w {
        "doubled" | "doubling" | "doubles" => 2.0,
        "tripled" | "trebled" | "tripling" | "triples" => 3.0,
        "quadrupled" | "quadrupling" => 4.0,
        "halved" | "halving" => 0.5,
        "twofold" => 2.0,
        "threefold" => 3.0,
        "fourfold" => 4.0,
        "fivefold" => 5.0,
        "tenfold" => 10.0,
        "hundredfold" => 100.0,
        _ => return None,
    })
}

/// Words after `N times` that make it a multiplier (`three times as many`).
pub fn is_comparison_word(w: &str) -> bool {
    matches!(
        w,
        "as" | "more"
            | "less"
            | "fewer"
            | "higher"
            | "lower"
            | "larger"
            | "bigger"
            | "greater"
            | "smaller"
            | "faster"
            | "slower"
            | "longer"
            | "the"
            | "that"
            | "over"
            | "above"
            | "below"
    )
}

/// Words after a small count that make it a checkable total.
pub fn is_casualty_word(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "kill"
            | "killing"
            | "dead"
            | "died"
            | "die"
            | "deaths"
            | "wounded"
            | "injured"
            | "injuring"
            | "hurt"
            | "casualties"
            | "fatalities"
            | "missing"
            | "displaced"
            | "infected"
            | "hospitalized"
            | "hospitalised"
            | "total"
            | "totaled"
            | "totalled"
            | "altogether"
    )
}

/// Capitalised month names and their abbreviations.
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Street words after `10 Downing`: the number is an address.
pub fn is_street(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "lane"
            | "drive"
            | "dr"
            | "way"
            | "place"
            | "court"
            | "square"
            | "plaza"
            | "terrace"
            | "parkway"
            | "highway"
    )
}

/// Words that, right after a number, make it a clock time or time zone.
pub fn is_clock_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "et"
            | "est"
            | "edt"
            | "pt"
            | "pst"
            | "pdt"
            | "ct"
            | "cst"
            | "cdt"
            | "hrs"
    )
}

/// Approximators and comparisons before a number, as word sequences.
pub const APPROX: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["greater", "than"],
    &["higher", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["close", "to"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["an", "estimated"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["some"],
    &["about"],
    &["around"],
    &["roughly"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["approx"],
    &["estimated"],
    &["over"],
    &["under"],
    &["circa"],
    &["nearly"],
];

/// Words whose presence lets a sentence through the pre-check.
const TRIGGERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "twice",
    "doubled",
    "doubling",
    "doubles",
    "tripled",
    "trebled",
    "tripling",
    "triples",
    "quadrupled",
    "quadrupling",
    "halved",
    "halving",
    "twofold",
    "threefold",
    "fourfold",
    "fivefold",
    "tenfold",
    "hundredfold",
    "percent",
];

/// Longest trigger, in bytes.
const TRIGGER_MAX: usize = 16;

/// The triggers by first letter (a–z) and length.
static TRIGGER_TABLE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 26 * (TRIGGER_MAX + 1)];
    for w in TRIGGERS {
        assert!(w.len() <= TRIGGER_MAX && w.bytes().all(|b| b.is_ascii_lowercase()));
        table[(w.as_bytes()[0] - b'a') as usize * (TRIGGER_MAX + 1) + w.len()].push(*w);
    }
    table
});

/// For each first letter (a–z), bit `n` set when a trigger of `n` bytes
/// starts with it.
static TRIGGER_LENGTHS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut lengths = [0u32; 26];
    for w in TRIGGERS {
        lengths[(w.as_bytes()[0] - b'a') as usize] |= 1 << w.len();
    }
    lengths
});

/// True when `b` holds an ASCII digit: 32 bytes at a time without a
/// branch per byte (a chunk of known length, so that the compiler
/// vectorises the test).
fn has_ascii_digit(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(32);
    chunks.by_ref().any(|c| {
        let c: &[u8; 32] = c.try_into().expect("32 bytes");
        c.iter().fold(false, |any, x| any | x.is_ascii_digit())
    }) || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// True when `s` may hold a quantity: an ASCII digit, or a number word
/// standing as a whole word (a maximal run of ASCII letters equal to a
/// trigger, ASCII case folded). Most sentences fail this cheaply.
pub fn may_hold_number(s: &str) -> bool {
    let b = s.as_bytes();
    if has_ascii_digit(b) {
        return true;
    }
    let table = &*TRIGGER_TABLE;
    let lengths = &*TRIGGER_LENGTHS;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let run = &b[start..i];
        let first = (run[0].to_ascii_lowercase() - b'a') as usize;
        if run.len() <= TRIGGER_MAX
            && lengths[first] & (1 << run.len()) != 0
            && table[first * (TRIGGER_MAX + 1) + run.len()]
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(run))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert_eq!(UNITS["troops"].kind, UnitKind::Count);
        assert_eq!(UNITS["service members"].kind, UnitKind::Count);
        assert_eq!(UNITS["euros"].code, "EUR");
        assert_eq!(UNITS["pence"].kind, UnitKind::Cents);
        assert_eq!(UNITS["years"].kind, UnitKind::Time);
        assert_eq!(CURRENCIES["€"], "EUR");
        assert_eq!(CURRENCIES["US$"], "USD");
        assert!(IDENTIFIERS.contains("article"));
    }

    #[test]
    fn digit_test_sees_every_position() {
        for len in [0, 1, 31, 32, 33, 64, 70, 100] {
            let mut b = vec![b'a'; len];
            assert!(!has_ascii_digit(&b), "{len}");
            for i in 0..len {
                b[i] = b'7';
                assert!(has_ascii_digit(&b), "{len} {i}");
                b[i] = if i % 2 == 0 { b'/' } else { b':' };
                assert!(!has_ascii_digit(&b), "{len} {i}");
            }
        }
    }

    #[test]
    fn precheck_needs_a_whole_number_word() {
        assert!(may_hold_number("It cost 5 dollars."));
        assert!(may_hold_number("Forty people came."));
        assert!(may_hold_number("about half of them"));
        assert!(!may_hold_number("Someone often attends to it."));
        assert!(!may_hold_number("The phone is gone."));
    }

    /// The pre-check as it was: a leftmost-longest automaton over the
    /// triggers, a match counting when no ASCII letter touches it.
    fn precheck_by_automaton(s: &str) -> bool {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        static AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(TRIGGERS)
                .unwrap()
        });
        let b = s.as_bytes();
        if b.iter().any(u8::is_ascii_digit) {
            return true;
        }
        let letter = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphabetic());
        AC.find_iter(s)
            .any(|m| (m.start() == 0 || !letter(m.start() - 1)) && !letter(m.end()))
    }

    #[test]
    fn precheck_never_rejects_what_the_automaton_accepted() {
        let texts = crate::annotate::fixture_texts();
        let mut cases: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split(['.', '\n']))
            .map(String::from)
            .collect();
        for w in TRIGGERS {
            let up = w.to_ascii_uppercase();
            for s in [
                format!("x {w} y"),
                up.clone(),
                format!("x{w}"),
                format!("{w}s"),
                format!("é{w}é"),
                format!("_{w}_"),
                format!("Some{w} and {up}ly"),
            ] {
                cases.push(s);
            }
        }
        let mut accepted = 0;
        for s in &cases {
            assert_eq!(may_hold_number(s), precheck_by_automaton(s), "{s}");
            accepted += usize::from(may_hold_number(s));
        }
        assert!(accepted > 100 && accepted < cases.len(), "{accepted}");
    }

    #[test]
    fn starters_agree() {
        for w in TRIGGERS.iter().chain(APPROX.iter().map(|s| &s[0])) {
            let opens = small_number(w).is_some()
                || plural_magnitude(w).is_some()
                || multiplier_verb(w).is_some()
                || APPROX.iter().any(|s| s[0] == *w);
            assert_eq!(opens, is_starter(w) && opens, "{w}");
        }
        for w in ["a", "an", "between", "half", "twice", "tens"] {
            assert!(is_starter(w));
        }
        assert!(!is_starter("the"));
    }

    #[test]
    fn word_values() {
        assert_eq!(small_number("forty"), Some(40.0));
        assert_eq!(magnitude("m", true), Some(1e6));
        assert_eq!(magnitude("m", false), None);
        assert_eq!(denominator("thirds"), Some(3.0));
        assert_eq!(multiplier_verb("halved"), Some(0.5));
    }
}
