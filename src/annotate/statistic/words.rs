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
/// `between`, fractions, plural magnitudes, multipliers (kept in step with
/// the functions and lists they stand for by the `starters_agree` test).
pub fn is_starter(w: &str) -> bool {
    STARTERS.contains(w.as_bytes())
}

/// The cardinals from one to ninety: triggers of the pre-check and starters.
const CARDINALS: [&str; 27] = [
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
];

/// `hundreds of`: triggers of the pre-check and starters.
const PLURAL_MAGNITUDES: [&str; 7] = [
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
];

/// Multiplier words (`doubled`, `tenfold`): triggers and starters.
const MULTIPLIERS: [&str; 17] = [
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
];

/// The starters other than cardinals, plural magnitudes and multipliers.
const OTHER_STARTERS: [&str; 32] = [
    "zero",
    "a",
    "an",
    "between",
    "half",
    "twice",
    "tens",
    "more",
    "less",
    "fewer",
    "greater",
    "higher",
    "at",
    "up",
    "as",
    "close",
    "upwards",
    "in",
    "just",
    "well",
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "approx",
    "estimated",
    "over",
    "under",
    "circa",
];

static STARTERS: WordSet<83> = WordSet::new(&[
    &CARDINALS,
    &PLURAL_MAGNITUDES,
    &MULTIPLIERS,
    &OTHER_STARTERS,
]);

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
    CHANGE_VERBS.contains(w.as_bytes())
}

/// The words of [`is_change_verb`] (`w` is lower-cased: case folding
/// changes nothing).
static CHANGE_VERBS: WordSet<56> = WordSet::new(&[&[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "dropped",
    "drop",
    "drops",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "grew",
    "grow",
    "grows",
    "grown",
    "growth",
    "declined",
    "decline",
    "declines",
    "surged",
    "surge",
    "soared",
    "plunged",
    "plummeted",
    "slid",
    "slumped",
    "tumbled",
    "slipped",
    "gained",
    "gains",
    "shrank",
    "shrunk",
    "cut",
    "cuts",
    "boosted",
    "lowered",
    "reduced",
    "widened",
    "narrowed",
    "up",
    "down",
]]);

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
    CASUALTY_WORDS.contains(w.as_bytes())
}

/// The words of [`is_casualty_word`].
static CASUALTY_WORDS: WordSet<22> = WordSet::new(&[&[
    "killed",
    "kill",
    "killing",
    "dead",
    "died",
    "die",
    "deaths",
    "wounded",
    "injured",
    "injuring",
    "hurt",
    "casualties",
    "fatalities",
    "missing",
    "displaced",
    "infected",
    "hospitalized",
    "hospitalised",
    "total",
    "totaled",
    "totalled",
    "altogether",
]]);

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

/// The number of words of all `parts`.
const fn words_in(parts: &[&[&str]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// Every word of [`APPROX`]: a word that is none of them opens no
/// approximator, and [`APPROX`] need not be searched.
static APPROX_WORDS: WordSet<{ words_in(APPROX) }> = WordSet::new(APPROX);

/// False when no approximator starts with `w` (lower-cased).
pub fn may_open_approximator(w: &str) -> bool {
    APPROX_WORDS.contains(w.as_bytes())
}

/// Words whose presence lets a sentence through the pre-check: these,
/// cardinals, plural magnitudes and multipliers.
const OTHER_TRIGGERS: [&str; 17] = [
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "third", "thirds",
    "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "twice", "percent",
];

static TRIGGERS: WordSet<68> = WordSet::new(&[
    &CARDINALS,
    &PLURAL_MAGNITUDES,
    &MULTIPLIERS,
    &OTHER_TRIGGERS,
]);

/// A set of short lower-case ASCII words, looked up by first letter and
/// length (a bucket of one to a few words) after a test of the last letter
/// that rules out most other words: all of it built at compile time.
struct WordSet<const N: usize> {
    words: [&'static str; N],
    /// The length of the shortest word.
    shortest: usize,
    /// For each first letter (a–z) and length: where its bucket starts in
    /// `order` and how many words it holds.
    buckets: [[(u8, u8); LONGEST + 1]; 26],
    /// For each first letter and length: bit `n` set when a word ends with
    /// letter `n`.
    ends: [[u32; LONGEST + 1]; 26],
    /// Indices into `words`, bucket after bucket.
    order: [u8; N],
}

/// The longest word a [`WordSet`] may hold.
const LONGEST: usize = 15;

impl<const N: usize> WordSet<N> {
    /// The set of the words of all `parts`.
    const fn new(parts: &[&[&'static str]]) -> Self {
        assert!(N < 256);
        let mut words = [""; N];
        let mut shortest = LONGEST;
        let (mut part, mut at) = (0, 0);
        let mut counts = [[0u8; LONGEST + 1]; 26];
        let mut ends = [[0u32; LONGEST + 1]; 26];
        let mut i = 0;
        while i < N {
            while at == parts[part].len() {
                (part, at) = (part + 1, 0);
            }
            let w = parts[part][at];
            at += 1;
            words[i] = w;
            let s = w.as_bytes();
            assert!(!s.is_empty() && s.len() <= LONGEST);
            if s.len() < shortest {
                shortest = s.len();
            }
            let mut k = 0;
            while k < s.len() {
                assert!(s[k].is_ascii_lowercase());
                k += 1;
            }
            let first = (s[0] - b'a') as usize;
            counts[first][s.len()] += 1;
            ends[first][s.len()] |= 1 << (s[s.len() - 1] - b'a');
            i += 1;
        }
        assert!(part == parts.len() - 1 && at == parts[part].len());
        let mut buckets = [[(0u8, 0u8); LONGEST + 1]; 26];
        let mut at = 0u8;
        let mut f = 0;
        while f < 26 {
            let mut l = 0;
            while l <= LONGEST {
                buckets[f][l] = (at, 0);
                at += counts[f][l];
                l += 1;
            }
            f += 1;
        }
        let mut order = [0u8; N];
        let mut i = 0;
        while i < N {
            let s = words[i].as_bytes();
            let bucket = &mut buckets[(s[0] - b'a') as usize][s.len()];
            order[(bucket.0 + bucket.1) as usize] = i as u8;
            bucket.1 += 1;
            i += 1;
        }
        WordSet {
            words,
            shortest,
            buckets,
            ends,
            order,
        }
    }

    /// True when `w` is in the set, ASCII case folded.
    #[inline(always)]
    fn contains(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return false;
        };
        let first = usize::from((first | 0x20).wrapping_sub(b'a'));
        let last = (last | 0x20).wrapping_sub(b'a');
        if first >= 26 || last >= 26 || w.len() > LONGEST {
            return false;
        }
        self.ends[first][w.len()] >> last & 1 != 0 && self.in_bucket(first, w)
    }

    fn in_bucket(&self, first: usize, w: &[u8]) -> bool {
        let (start, count) = self.buckets[first][w.len()];
        self.order[usize::from(start)..usize::from(start + count)]
            .iter()
            .any(|&i| {
                self.words[usize::from(i)]
                    .as_bytes()
                    .eq_ignore_ascii_case(w)
            })
    }
}

/// Bit `k` set when byte `k` of `c` is an ASCII letter, and whether `c`
/// holds an ASCII digit: a flag byte per byte (a loop that vectorises),
/// eight flag bytes gathered into eight bits by one multiplication.
fn letter_mask(c: &[u8; 64]) -> (u64, bool) {
    let mut letters = [0u8; 64];
    let mut digit = false;
    for k in 0..64 {
        letters[k] = u8::from((c[k] | 0x20).wrapping_sub(b'a') < 26);
        digit |= c[k].wrapping_sub(b'0') < 10;
    }
    let mut m = 0u64;
    for (g, eight) in letters.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
        m |= (w.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * g);
    }
    (m, digit)
}

/// True when `s` may hold a quantity: an ASCII digit, or a number word
/// standing as a whole word (a maximal run of ASCII letters equal to a
/// trigger, ASCII case folded). Most sentences fail this cheaply.
pub fn may_hold_number(s: &str) -> bool {
    has_word_of(s, &TRIGGERS, true)
}

/// The words that open a match of the statistic attribution pattern
/// (`according`, `data`, `said`, …): each match starts with one of them
/// as a whole word (`attribution_needs_a_word_of_its_own` test).
const ATTRIBUTION_WORDS: [&str; 53] = [
    "according",
    "data",
    "figures",
    "statistics",
    "numbers",
    "estimates",
    "projections",
    "records",
    "results",
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "analysis",
    "analyses",
    "census",
    "tallies",
    "tally",
    "count",
    "counts",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "estimated",
    "announced",
    "confirmed",
    "stated",
    "calculated",
    "tallied",
    "projects",
    "projected",
    "counted",
    "claim",
    "claims",
    "claimed",
    "wrote",
    "writes",
    "noted",
    "notes",
    "argued",
    "testified",
    "pointed",
    "found",
    "show",
    "shows",
    "showed",
];

static ATTRIBUTION_SET: WordSet<53> = WordSet::new(&[&ATTRIBUTION_WORDS]);

/// False when `s` cannot match the statistic attribution pattern: no
/// word of it that a match may start with.
pub fn may_attribute(s: &str) -> bool {
    has_word_of(s, &ATTRIBUTION_SET, false)
}

/// True when a maximal run of ASCII letters of `s` is in
/// `set`, ASCII case folded, or when `digits` and `s` holds an ASCII
/// digit. The text is read 64 bytes at a time as bit masks of letters,
/// and only the runs of letters are looked at, one by one.
fn has_word_of<const N: usize>(s: &str, set: &WordSet<N>, digits: bool) -> bool {
    let b = s.as_bytes();
    // The start of a run of letters that reaches the end of the block.
    let mut open: Option<usize> = None;
    let mut base = 0;
    while base < b.len() {
        // A whole block read in place; the last, shorter one copied into
        // zeros (no letters, no digits).
        let (mut m, digit) = match b.get(base..base + 64) {
            Some(whole) => letter_mask(whole.try_into().expect("64 bytes")),
            None => {
                let mut block = [0u8; 64];
                block[..b.len() - base].copy_from_slice(&b[base..]);
                letter_mask(&block)
            }
        };
        if digits && digit {
            return true;
        }
        if let Some(start) = open {
            let ones = m.trailing_ones() as usize;
            if ones == 64 {
                base += 64;
                continue;
            }
            if set.contains(&b[start..base + ones]) {
                return true;
            }
            open = None;
            m &= !((1u64 << ones) - 1);
        }
        // A run reaching the block's end is left for the next block.
        let open_at = if m >> 63 == 1 {
            64 - m.leading_ones() as usize
        } else {
            64
        };
        // Starts of runs before the open one, of three letters or more
        // when no word of the set is shorter.
        let long = if set.shortest >= 3 {
            (m >> 1) & (m >> 2)
        } else {
            !0
        };
        let mut starts = m & !(m << 1) & long;
        if open_at < 64 {
            starts &= (1u64 << open_at) - 1;
            open = Some(base + open_at);
        }
        while starts != 0 {
            let start = starts.trailing_zeros() as usize;
            let len = (m >> start).trailing_ones() as usize;
            if set.contains(&b[base + start..base + start + len]) {
                return true;
            }
            starts &= starts - 1;
        }
        base += 64;
    }
    open.is_some_and(|start| set.contains(&b[start..]))
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
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 70, 100, 128, 130] {
            let mut b = vec![b'a'; len];
            let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
            assert!(!may_hold_number(&s(&b)), "{len}");
            for i in 0..len {
                b[i] = b'7';
                assert!(may_hold_number(&s(&b)), "{len} {i}");
                b[i] = if i % 2 == 0 { b'/' } else { b':' };
                assert!(!may_hold_number(&s(&b)), "{len} {i}");
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
                .build(TRIGGERS.words)
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

    /// The pre-check as a plain loop over the bytes (as it was before the
    /// bit masks).
    fn precheck_by_bytes(s: &str) -> bool {
        let b = s.as_bytes();
        if b.iter().any(u8::is_ascii_digit) {
            return true;
        }
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
            if TRIGGERS.contains(&b[start..i]) {
                return true;
            }
        }
        false
    }

    #[test]
    fn precheck_by_masks_agrees_with_the_byte_loop() {
        let pool = [
            "one",
            "Two",
            "THOUSAND",
            "half",
            "x",
            "abcdefghijklmnopqrstuvwxyz",
            "é",
            "😀",
            " ",
            "-",
            "_",
            "@",
            "[",
            "`",
            "{",
            "\n",
            "7",
            "percent",
            "quarters",
            "thirdly",
            "ten",
        ];
        let mut rng = crate::annotate::word::XorShift(0x2545_f491_4f6c_dd1d);
        let mut accepted = 0;
        for k in 0..20_000 {
            let text = rng.text(&pool, if k % 2 == 0 { 12 } else { 90 }, k % 3 == 0);
            let want = precheck_by_bytes(&text);
            assert_eq!(may_hold_number(&text), want, "{text:?}");
            accepted += usize::from(want);
        }
        assert!(accepted > 1000 && accepted < 19_000, "{accepted}");
        // A trigger on every side of a 64-byte block edge.
        for pad in 0..140 {
            for w in ["ten", "quadrupling", "one"] {
                let text = format!("{}{w}{}", "x ".repeat(pad / 2) + &"é".repeat(pad % 2), " y");
                assert!(may_hold_number(&text), "{text}");
                let glued = format!("{}{w}s", "a".repeat(pad));
                assert!(!may_hold_number(&glued), "{glued}");
                let glued = format!("{}{w}", "b".repeat(pad));
                assert_eq!(may_hold_number(&glued), pad == 0, "{glued}");
            }
        }
    }

    #[test]
    fn precheck_never_rejects_what_the_automaton_accepted() {
        let texts = crate::annotate::fixture_texts();
        let mut cases: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split(['.', '\n']))
            .map(String::from)
            .collect();
        for w in TRIGGERS.words {
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
        for w in TRIGGERS.words.iter().chain(APPROX.iter().map(|s| &s[0])) {
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

    /// The sets find exactly their words, in any ASCII case, and nothing
    /// else among generated words.
    #[test]
    fn word_sets_find_their_words_only() {
        fn check<const N: usize>(set: &WordSet<N>, rng: &mut crate::annotate::word::XorShift) {
            for w in set.words {
                assert!(set.contains(w.as_bytes()), "{w}");
                assert!(set.contains(w.to_ascii_uppercase().as_bytes()), "{w}");
                assert!(!set.contains(format!("{w}x").as_bytes()), "{w}");
            }
            let letters = [
                "a", "e", "n", "t", "s", "o", "u", "r", "w", "l", "h", "i", "d", "é",
            ];
            for _ in 0..100_000 {
                let w = rng.text(&letters, 8, false);
                let want = set.words.iter().any(|x| x.eq_ignore_ascii_case(&w));
                assert_eq!(set.contains(w.as_bytes()), want, "{w}");
            }
        }
        let mut rng = crate::annotate::word::XorShift(0x5eed_1234_abcd_0001);
        check(&STARTERS, &mut rng);
        check(&TRIGGERS, &mut rng);
        check(&CHANGE_VERBS, &mut rng);
        check(&CASUALTY_WORDS, &mut rng);
        check(&APPROX_WORDS, &mut rng);
        for seq in APPROX {
            assert!(may_open_approximator(seq[0]), "{seq:?}");
        }
        assert!(is_starter("a") && is_starter("approximately") && !is_starter("the"));
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
