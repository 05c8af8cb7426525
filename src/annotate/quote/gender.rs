//! The gender a name shows, for pronoun resolution: `she` is not resolved
//! to `Mr. Tom Ash` or `Barack Obama`. Only a title (`Mr.`, `Mrs.`) or a
//! given name of `given_names.txt` tells; any other name is taken to fit
//! either pronoun.

use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The gender `he` or `she` asks for (any case); None for other words.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        if word.eq_ignore_ascii_case("he") {
            Some(Gender::Male)
        } else if word.eq_ignore_ascii_case("she") {
            Some(Gender::Female)
        } else {
            None
        }
    }
}

const TITLES_MALE: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "duke", "baron", "father", "brother",
];
const TITLES_FEMALE: &[&str] = &[
    "mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "duchess", "baroness",
    "dame", "sister",
];

/// The given names of `given_names.txt` and the titles, with their gender:
/// one hash lookup a word.
static WORDS: LazyLock<rustc_hash::FxHashMap<&'static str, Gender>> = LazyLock::new(|| {
    let mut gender = None;
    let mut out = rustc_hash::FxHashMap::default();
    for line in include_str!("given_names.txt").lines() {
        let line = line.trim();
        match line {
            "" => {}
            _ if line.starts_with('#') => {}
            "[male]" => gender = Some(Gender::Male),
            "[female]" => gender = Some(Gender::Female),
            name => {
                let g = gender.expect("a section before the names");
                let before = out.insert(name, g);
                assert!(before.is_none(), "{name} twice in given_names.txt");
            }
        }
    }
    out.extend(TITLES_MALE.iter().map(|&t| (t, Gender::Male)));
    out.extend(TITLES_FEMALE.iter().map(|&t| (t, Gender::Female)));
    out
});

/// The longest word looked up (`baroness`, `kellyanne`).
const LONGEST: usize = 12;

/// The gender of one word of a name: a title (its dot dropped) or a given
/// name, compared in ASCII lower case.
pub fn of_word(word: &str) -> Option<Gender> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 2 || word.len() > LONGEST || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    WORDS.get(std::str::from_utf8(lower).ok()?).copied()
}

/// The gender the first word of `name` that tells one shows: `Sen. Carla
/// Bettencourt`, `President Barack Obama`, `Mrs. Clinton`.
pub fn of_name(name: &str) -> Option<Gender> {
    of_words(
        name.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && !w.starts_with('(')),
    )
}

/// The gender the first of `words` (a name's, in order) that tells one
/// shows. The last word is a surname, not a given name (`Elizabeth Warren`,
/// `Rakeyia Scott`), and a lone word tells nothing.
pub fn of_words<'w>(words: impl Iterator<Item = &'w str>) -> Option<Gender> {
    let mut words = words.peekable();
    while let Some(w) = words.next() {
        words.peek()?;
        if let Some(g) = of_word(w) {
            return Some(g);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_given_names_tell_the_gender() {
        for (name, want) in [
            ("Mr. Tom Ash", Some(Gender::Male)),
            ("Mrs. Clinton", Some(Gender::Female)),
            ("Ms. Lee", Some(Gender::Female)),
            ("President Barack Obama", Some(Gender::Male)),
            ("Rep. Carla Bettencourt (D-Calif.)", Some(Gender::Female)),
            ("HILLARY CLINTON", Some(Gender::Female)),
            ("Clinton", None),
            ("Warren", None),
            ("Sen. Elizabeth Warren", Some(Gender::Female)),
            ("Rakeyia Scott", None),
            ("Jordan Reyes", None),
            ("Ann-Marie Fox", None),
            ("Zoë Ürk", None),
        ] {
            assert_eq!(of_name(name), want, "{name}");
        }
        assert_eq!(Gender::of_pronoun("She"), Some(Gender::Female));
        assert_eq!(Gender::of_pronoun("they"), None);
    }

    /// Every entry is one lower-case ASCII word, short enough for
    /// [`of_word`], and in one section only (building the map asserts it).
    #[test]
    fn the_list_is_well_formed() {
        assert!(WORDS.len() > 300);
        for (&n, &g) in WORDS.iter() {
            assert!(
                n.len() <= LONGEST && n.bytes().all(|b| b.is_ascii_lowercase()),
                "{n}"
            );
            assert_eq!(of_word(n), Some(g), "{n}");
        }
    }
}
