//! Unit tests of the statistic rules: each rule with cases that fire and
//! cases that must not.

use super::*;

/// (text, value, unit, approx) of every quantity found in `s`.
fn q(s: &str) -> Vec<(String, Option<f64>, Option<String>, bool)> {
    let found = quantities(s, 0..s.len());
    for f in &found {
        assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
    }
    found
        .into_iter()
        .map(|f| {
            (
                s[f.start..f.end].to_string(),
                f.value,
                f.unit.map(|u| u.into_owned()),
                f.approx,
            )
        })
        .collect()
}

fn none(s: &str) {
    assert_eq!(q(s), vec![], "{s}");
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn values_are_tidy() {
    assert_eq!(q("It was 47.1 percent.")[0].1, Some(0.471));
    assert_eq!(q("It was 98.33 percent.")[0].1, Some(0.9833));
}

fn one(s: &str, value: f64, unit: Option<&str>) {
    let got = q(s);
    assert_eq!(got.len(), 1, "{s}: {got:?}");
    let v = got[0].1.unwrap_or(f64::NAN);
    assert!(close(v, value), "{s}: value {v} want {value}");
    assert_eq!(got[0].2.as_deref(), unit, "{s}");
}

#[test]
fn integers_with_separators() {
    one("The count reached 41,000 by noon.", 41000.0, None);
    one(
        "The number of Russian soldiers there reached 41,000.",
        41000.0,
        Some("soldiers"),
    );
    one("The count reached 41 000 by noon.", 41000.0, None);
    one("It holds 1,234,567 records.", 1234567.0, Some("records"));
    one(
        "There are some 42,000 Russian troops there.",
        42000.0,
        Some("troops"),
    );
    assert!(q("There are some 42,000 Russian troops there.")[0].3);
    assert_eq!(
        q("There are some 42,000 Russian troops there.")[0].0,
        "some 42,000"
    );
}

#[test]
fn decimals_and_percentages() {
    one("Inflation was 3.2 last year.", 3.2, None);
    one("Turnout rose 12% this year.", 0.12, Some("percent"));
    one("Turnout was 12 percent.", 0.12, Some("percent"));
    one("Turnout was 12 per cent.", 0.12, Some("percent"));
    one("Turnout was twelve percent.", 0.12, Some("percent"));
    one(
        "Support slipped 3 percentage points.",
        0.03,
        Some("percentage points"),
    );
    one("a 10-percent cut", 0.1, Some("percent"));
}

#[test]
fn money_in_several_currencies() {
    one("It cost $4.5 million to build.", 4_500_000.0, Some("USD"));
    one("The fund holds €3bn now.", 3e9, Some("EUR"));
    one("He paid £200,000 for it.", 200_000.0, Some("GBP"));
    one("Debt hit ¥1 trillion.", 1e12, Some("JPY"));
    one("The fee is USD 40 a head.", 40.0, Some("USD"));
    one("It was sold for 40 euros.", 40.0, Some("EUR"));
    one("They raised US$2m.", 2e6, Some("USD"));
    one("Tickets cost 50 cents.", 0.5, Some("USD"));
    one("It paid 40 US dollars.", 40.0, Some("USD"));
    one("The fund holds 3 bn now.", 3e9, None);
    one("a $20-million contract", 2e7, Some("USD"));
    one("It cost $5 for a ticket.", 5.0, Some("USD"));
}

#[test]
fn magnitudes() {
    one(
        "The city has 4.5 million residents.",
        4_500_000.0,
        Some("residents"),
    );
    one("They sold 40k copies.", 40_000.0, None);
    one("It lost 1.2bn in value.", 1.2e9, None);
    one("About two thousand people came.", 2000.0, Some("people"));
}

#[test]
fn number_words() {
    one("Forty-two people were hurt.", 42.0, Some("people"));
    one(
        "Police detained two dozen protesters.",
        24.0,
        Some("protesters"),
    );
    one(
        "They counted two hundred and fifty votes.",
        250.0,
        Some("votes"),
    );
    let h = q("Hundreds of people marched.");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].0, "Hundreds of");
    assert!(h[0].3, "hundreds of is approximate");
    one(
        "Tens of thousands of people marched.",
        10_000.0,
        Some("people"),
    );
    one("A dozen soldiers were sent.", 12.0, Some("soldiers"));
    one("Half a million people fled.", 500_000.0, Some("people"));
    one(
        "Nearly half a million people fled.",
        500_000.0,
        Some("people"),
    );
}

#[test]
fn fractions_and_shares() {
    one("Half of the voters stayed home.", 0.5, Some("share"));
    one(
        "A third of the budget went to roads.",
        1.0 / 3.0,
        Some("share"),
    );
    one("Two-thirds of members agreed.", 2.0 / 3.0, Some("share"));
    one("One in five adults smokes.", 0.2, Some("share"));
    one("Two of every five homes are empty.", 0.4, Some("share"));
    one("Nine out of 10 dentists agree.", 0.9, Some("share"));
    one("Eight of 10 apples are local.", 0.8, Some("share"));
    one("Sales fell by a third.", 1.0 / 3.0, Some("share"));
    one("Nearly half said yes.", 0.5, Some("share"));
    none("It was the third time this week.");
    none("A third party may run.");
    none("They met in the second half.");
    none("The quarter ended badly.");
}

#[test]
fn ranges() {
    let r = quantities("Between 40 and 50 people came.", 0..30);
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].low, r[0].high, r[0].rule),
        (Some(40.0), Some(50.0), "range")
    );
    let r = quantities("It costs $40–50 million.", 0..26);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].low, r[0].high), (Some(4e7), Some(5e7)));
    let s = "Between 40 and 50 percent agreed.";
    let r = quantities(s, 0..s.len());
    assert_eq!((r[0].low, r[0].high), (Some(0.4), Some(0.5)));
    let s = "They expect 30 to 40 deaths.";
    let r = quantities(s, 0..s.len());
    assert_eq!((r[0].low, r[0].high), (Some(30.0), Some(40.0)));
}

#[test]
fn multipliers_and_changes() {
    one("Prices doubled in a year.", 2.0, Some("times"));
    one("There were three times as many cases.", 3.0, Some("times"));
    one("It is twice as large.", 2.0, Some("times"));
    one("Costs rose tenfold.", 10.0, Some("times"));
    none("He doubled down on the claim.");
    none("They met three times last week.");
    let s = "Exports rose 5% last year.";
    let r = quantities(s, 0..s.len());
    assert_eq!(r[0].change, Some(8));
    let s = "Women made up 40% of staff.";
    assert_eq!(quantities(s, 0..s.len())[0].change, None);
    let s = "Exports fell by a third.";
    assert_eq!(quantities(s, 0..s.len())[0].change, Some(8));
}

#[test]
fn approximations() {
    for s in [
        "some 42,000 troops",
        "about 40 people",
        "nearly 40 people",
        "more than 40 people",
        "at least 40 people",
        "an estimated 40 people",
    ] {
        let r = q(s);
        assert_eq!(r.len(), 1, "{s}");
        assert!(r[0].3, "{s}");
        assert_eq!(r[0].1, Some(if s.contains("42") { 42000.0 } else { 40.0 }));
    }
    assert!(!q("40 people came")[0].3);
}

#[test]
fn dates_years_and_times_are_not_statistics() {
    none("In 2021 the law changed.");
    none("Back in the 1990s it was different.");
    none("Back in the '90s it was different.");
    none("The 2012–13 season was long.");
    none("The 2012-2013 season was long.");
    none("It happened on May 5.");
    none("It happened on 5 May 2021.");
    none("It happened on Jan. 12.");
    none("They met at 3:30 on Tuesday.");
    none("They met at 10 a.m. sharp.");
    none("They met at 9pm sharp.");
    none("They met on the 5th.");
    none("He served for 10 years.");
    none("She is 45 years old.");
    none("It lasted two weeks.");
}

#[test]
fn ages_ordinals_and_identifiers_are_not_statistics() {
    none("John Smith, 45, was charged.");
    none("John Smith, 45 and his son were charged.");
    none("Maria Lopez (38) was charged.");
    none("He is aged 45.");
    none("Critics noted that the senator, who is 70.");
    none("Now 25, he lives in Ohio.");
    none("Even at 86 she still works.");
    one("The death toll is 70.", 70.0, None);
    none("It was the first time.");
    none("New START was extended.");
    none("COVID-19 spread fast.");
    none("An F-16 crashed.");
    none("The G7 met.");
    none("Under Article 5 allies must help.");
    none("Drive down Route 66 tonight.");
    none("A Boeing 737 landed.");
    none("The BA.5 variant spread.");
    none("The 49ers won.");
    none("The Fortune 500 list is out.");
    none("See section 12 of the act.");
    none("See page 212 for details.");
    none("It is No. 1 again.");
    none("Call 555-1234 now.");
    none("Call (212) 555-1234 now.");
    none("He lives at 10 Downing Street.");
    none("Version 1.2.3 shipped.");
    none("The 9/11 attacks changed that.");
    none("A 911 caller warned them.");
    none("Call the hotline (800-555-0100) now.");
    none("Put it in a 401(k) plan.");
    none("The BQ 4.6 variant spread.");
    none("The post had id 783492272595750912.");
    none("It blew up in front of 131 West 23rd Street.");
    none("Those between the ages of 18 and 24 vote less.");
    none("They met Sept. 19 to 22 in Oslo.");
    none("It was big in the 80’s.");
    none("Jane Doe, 40 — a nurse — was there.");
}

#[test]
fn descriptive_counts_are_not_statistics() {
    none("It strained ties between our two countries.");
    none("Both sides agreed.");
    none("Three people were arrested after the fight.");
    none("She is one of the best.");
    none("It takes one to know one.");
    none("They discussed a number of issues.");
    none("A 75-year-old man was hurt.");
    none("They released a 212-page report.");
    none("The two-day summit ended.");
    none("The team won 3-1.");
    none("They played in the Big Ten.");
    none("There was anger over two bills.");
    one("It sold over 40 units.", 40.0, Some("units"));
    one("The attack killed 12 people.", 12.0, Some("people"));
    one("The attack killed three people.", 3.0, Some("people"));
    one("Three people died in the fire.", 3.0, Some("people"));
    one("They arrested 14 people.", 14.0, Some("people"));
    one("Deaths rose to 40.", 40.0, None);
    one("They shipped 3 tons of grain.", 3.0, Some("tons"));
    one("It grows 5 a day.", 5.0, None);
    one("A child is born every 40 seconds.", 40.0, Some("seconds"));
}

#[test]
fn years_may_still_count_things() {
    one("They sent 1500 troops.", 1500.0, Some("troops"));
    one("It cost $2000.", 2000.0, Some("USD"));
}

#[test]
fn attribution() {
    assert!(attributes("Prices rose 5%, according to the bureau."));
    assert!(attributes("Census data show 40% growth."));
    assert!(attributes("Figures from the ministry put it at 40."));
    assert!(attributes("A survey by Gallup found 40% support."));
    assert!(attributes("The ministry estimates 40,000 died."));
    assert!(attributes("Prices rose 5%, the bureau said."));
    assert!(attributes("As the senator pointed out, it costs $5."));
    assert!(attributes("The group claimed 40 members."));
    assert!(!attributes("Prices rose 5% last year."));
    assert!(!attributes("An estimated 40,000 people died."));
}

#[test]
fn spans_are_exact_on_unicode_input() {
    let s = "Über 40 — “€3bn” and 5 %, ½ of them; 10\u{202f}000 people ＄";
    for f in quantities(s, 0..s.len()) {
        assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
    }
    one(
        "They counted 10\u{202f}000 people.",
        10_000.0,
        Some("people"),
    );
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "$",
        "$ ",
        "5-",
        "-5",
        "between",
        "between 5 and",
        "one in",
        "a third",
        "40 to",
        "€",
        "1,",
        "1.",
        "0.5.6.7",
        "9/",
        "tens of",
        "£5-",
    ] {
        let _ = quantities(s, 0..s.len());
    }
}

#[test]
fn random_input_keeps_spans_on_char_boundaries() {
    // A fixed pseudo-random walk over characters and words that the rules
    // care about: no panic, spans on char boundaries and inside the text.
    let pool = [
        "1", "0", "9", ",", ".", "-", "–", "/", ":", "%", "$", "€", "£", "¥", " ", "\u{a0}",
        "\u{202f}", "a", "one", "half", "third", "of", "in", "to", "and", "between", "million",
        "bn", "m", "k", "percent", "per", "cent", "times", "as", "some", "more", "than", "US",
        "USD", "May", "Smith", "years", "troops", "'", "’", "(", ")", "s", "th", "é", "😀", "“",
        "”", "\n", "x",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 23) {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            s.push_str(pool[(seed >> 33) as usize % pool.len()]);
        }
        for f in quantities(&s, 0..s.len()) {
            assert!(f.start < f.end && f.end <= s.len(), "{s:?}");
            assert!(
                s.is_char_boundary(f.start) && s.is_char_boundary(f.end),
                "{s:?}"
            );
        }
    }
}

/// Runs `detect` over `text` after `prepare` has filled in what earlier
/// detectors would (sources, quotes).
fn detect_with(text: &str, prepare: impl FnOnce(&mut [Sentence])) -> Vec<Sentence<'_>> {
    // The sentences as the segmenter builds them, with every detector's
    // output removed: `prepare` alone says what the earlier ones found.
    let mut sentences = crate::analyze(text, &crate::Options::default()).sentences;
    for s in &mut sentences {
        s.quantities.clear();
        s.quotes.clear();
        s.sources.clear();
        s.evidence.clear();
        s.labels.clear();
    }
    prepare(&mut sentences);
    crate::annotate::with_context(text, |cx| detect(cx, &mut sentences));
    sentences
}

#[test]
fn sourcing_reaches_across_the_paragraph_only() {
    let text = "Officials said the river was rising. It reached 40 metres by noon.\n\nIt then fell 2 metres.";
    let s = detect_with(text, |_| {});
    assert!(s[1].has(Label::Statistic) && s[1].quantities[0].sourced);
    assert!(s[2].has(Label::Statistic) && !s[2].quantities[0].sourced);
    assert_eq!(s[1].evidence[0].note.as_deref(), Some("40"));
    let e = &s[1].evidence[0];
    assert_eq!(&text[e.span.range()], e.text);
}

#[test]
fn a_source_from_the_claims_detector_counts() {
    use crate::report::{SourceKind, SourceMention, SourceRole};
    let text = "The agency warned of floods. It listed 4,000 homes underwater.";
    let s = detect_with(text, |s| {
        s[0].sources.push(SourceMention {
            text: "The agency",
            span: Span::bytes(0..10),
            kind: SourceKind::Named,
            role: SourceRole::Claim,
            resolved: None,
        })
    });
    assert!(s[1].quantities[0].sourced);
    let s = detect_with(
        "The agency warned of floods. It listed 4,000 homes underwater.",
        |_| {},
    );
    assert!(!s[1].quantities[0].sourced);
    let s = detect_with("It had 4,000 homes underwater.", |_| {});
    assert!(!s[0].quantities[0].sourced);
}

#[test]
fn a_number_inside_a_quote_with_a_speaker_is_sourced() {
    use crate::report::Quote;
    let text = "Smith put it bluntly: “We lost 4,000 homes.”";
    let open = text.find('“').unwrap() + '“'.len_utf8();
    let close = text.find('”').unwrap();
    let s = detect_with(text, |s| {
        s[0].quotes.push(Quote {
            text: &text[open..close],
            span: Span::bytes(open..close),
            speaker: Some("Smith"),
            speaker_span: Some(Span::bytes(0..5)),
            speaker_resolved: None,
            cue: None,
            cue_span: None,
            partial: false,
            closed: true,
        })
    });
    assert!(s[0].quantities[0].sourced);
    let s = detect_with(text, |_| {});
    assert!(!s[0].quantities[0].sourced);
}

#[test]
fn change_evidence_spans_verb_and_number() {
    let s = detect_with("Exports rose 5% in May.", |_| {});
    let rules: Vec<&str> = s[0].evidence.iter().map(|e| e.rule).collect();
    assert_eq!(rules, ["change", "percentage"]);
    assert_eq!(s[0].evidence[0].text, "rose 5%");
    assert_eq!(s[0].evidence[1].note.as_deref(), Some("0.05"));
}

/// (low, high, unit) of the only quantity of `s`.
fn range(s: &str) -> (Option<f64>, Option<f64>, Option<String>) {
    let found = quantities(s, 0..s.len());
    assert_eq!(found.len(), 1, "{s}: {found:?}");
    let f = &found[0];
    (f.low, f.high, f.unit.clone().map(|u| u.into_owned()))
}

#[test]
fn money_after_a_capitalised_name_is_kept() {
    // `Boeing 737` is a name, `Lakemont 15 to 20 cents` is money.
    let (lo, hi, unit) = range("It cost Lakemont 15 to 20 cents a share.");
    assert!(close(lo.unwrap(), 0.15) && close(hi.unwrap(), 0.2));
    assert_eq!(unit.as_deref(), Some("USD"));
    one(
        "It cost Harlow 12 percent of its sales.",
        0.12,
        Some("percent"),
    );
    none("She flew a Boeing 737 to the coast.");
    none("The list ranks Fortune 500 firms.");
}

#[test]
fn hyphenated_measures_are_statistics() {
    one(
        "They opened a 42,000-square-foot plant.",
        42000.0,
        Some("square-foot"),
    );
    one("They bought a 300-acre farm.", 300.0, Some("acre"));
    one("Crews laid a 12-mile pipeline.", 12.0, Some("mile"));
    one("It built a 5-megawatt plant.", 5.0, Some("megawatt"));
    one("They walked a two-mile loop.", 2.0, Some("mile"));
    assert_eq!(
        q("They opened a 42,000-square-foot plant.")[0].0,
        "42,000-square-foot"
    );
}

#[test]
fn hyphenated_descriptors_and_events_are_not() {
    none("The 75-year-old man left.");
    none("He wrote a 212-page report.");
    none("They held a two-day meeting.");
    none("It was a third-quarter loss.");
    none("She won the 400-meter race.");
    none("He swam the 100-metre freestyle.");
    none("The party unveiled a 10-point plan.");
}

#[test]
fn point_margins_are_statistics() {
    one("She had a ten-point lead.", 10.0, Some("point"));
    one("In May the lead was 7 points.", 7.0, Some("points"));
}

#[test]
fn measured_durations_are_statistics() {
    one(
        "Detours add roughly 20 minutes to a commute.",
        20.0,
        Some("minutes"),
    );
    one(
        "The bridge will cut the trip by 15 minutes.",
        15.0,
        Some("minutes"),
    );
    one(
        "Patients faced waits of up to three hours.",
        3.0,
        Some("hours"),
    );
    one("The delay was about 45 minutes.", 45.0, Some("minutes"));
    one("The new route is 20 minutes faster.", 20.0, Some("minutes"));
    one(
        "He knelt there for nearly nine minutes.",
        9.0,
        Some("minutes"),
    );
    one("Nurses work 60 hours a week.", 60.0, Some("hours"));
}

#[test]
fn narrative_durations_are_not() {
    none("The strike lasted for two days.");
    none("It happened three weeks ago.");
    none("The station is a 10-minute walk away.");
    none("He faces up to 28 years in prison.");
    none("He faces up to 28 years in state prison.");
    none("Recruits must be over 18 years of age.");
    none("He spent nearly four years as mayor.");
    none("The train arrives in about 20 minutes.");
    none("He stayed for more than 20 years.");
    none("Three years later they moved.");
    assert_eq!(q("It costs $84 billion over 10 years.").len(), 1);
}

#[test]
fn vote_tallies_are_statistics_scores_are_not() {
    for s in [
        "The Senate voted 52-48 to pass it.",
        "The court ruled in a 6-3 decision.",
        "It passed by a vote of 90-7.",
    ] {
        let found = quantities(s, 0..s.len());
        assert_eq!(found.len(), 1, "{s}");
        assert_eq!(found[0].unit.as_deref(), Some("votes"));
        assert_eq!((found[0].value, found[0].low), (None, None));
    }
    none("The home side won 3-1 on Sunday.");
    none("The 2012-13 season ended early.");
}

#[test]
fn a_fraction_of_a_magnitude_is_an_amount() {
    one(
        "A quarter of a million people marched.",
        250000.0,
        Some("people"),
    );
    one("It cost half of a billion dollars.", 5e8, Some("USD"));
    one("Tens of millions of people watched.", 1e7, Some("people"));
}

#[test]
fn age_brackets_and_named_plans_are_not_statistics() {
    none("The plan helps people under 30 find work.");
    none("It targets voters over 65 in the suburbs.");
    none("Parents can open 529 plans for college.");
    none("Learn more about 529 plans here.");
    one("Turnout was under 30 percent.", 0.3, Some("percent"));
    one("The fund has over 30 members.", 30.0, Some("members"));
    one("It raised $529 for the shelter.", 529.0, Some("USD"));
}

#[test]
fn fast_number_paths_agree_with_the_formatter() {
    let slow_tidy = |v: f64| -> f64 { format!("{v:.11e}").parse().unwrap_or(v) };
    let mut values = vec![
        1.0,
        -1.0,
        7.0,
        41000.0,
        999_999_999_999.0,
        1e12 - 1.0,
        1e12,
        1e12 + 1.0,
        123_456_789_012_345.0,
        9.0e15 - 1.0,
        9.0e15,
        2f64.powi(53),
        1e300,
        -0.0,
        0.5,
        -2.25,
        0.471,
        47.1 / 100.0,
    ];
    // Pseudo-random whole numbers of every magnitude, and fractions.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let digits = (x % 17) as i32;
        let whole = ((x >> 8) % 10u64.pow(digits as u32).max(1)) as f64;
        values.push(whole);
        values.push(-whole);
        values.push(whole / 100.0);
        values.push(whole / 1000.0 * 3.0);
        values.push(whole / 7.0);
        values.push((x >> 11) as f64 / (1u64 << 53) as f64);
        values.push(whole * 1e-9 + 0.1);
    }
    values.extend([
        0.1 + 0.2,
        1.0 / 3.0,
        2.0 / 3.0,
        1e-7,
        123.456e-20,
        0.999_999_999_999_5,
    ]);
    for v in values {
        if v != 0.0 {
            assert_eq!(tidy(v).to_bits(), slow_tidy(v).to_bits(), "{v}");
        }
        assert_eq!(display(v), format!("{v}"), "{v}");
        // The note is the same text, borrowed or not.
        let written = display(v);
        for text in [
            String::new(),
            format!("about {written} people"),
            written.clone(),
            format!("é{written}é"),
            "1,000".to_string(),
        ] {
            assert_eq!(note_of(&text, v), written, "{v} {text}");
        }
    }
    assert!(matches!(
        note_of("some 500 people", 500.0),
        Cow::Borrowed("500")
    ));
    assert!(matches!(note_of("41,000", 41000.0), Cow::Owned(_)));
}

#[test]
fn paragraph_cursor_agrees_with_the_document() {
    let text = "One. Two.\n\nThree.\n\n\n\nFour. Five. Six.\n\nSeven.\n";
    let doc = crate::segment::segment(text);
    let n = doc.paragraphs.len();
    assert!(n >= 4, "{n}");
    // In order with repeats, then out of order, then past the end.
    let asked: Vec<usize> = (0..n)
        .flat_map(|p| [p, p])
        .chain([1, 0, n - 1, 2, n, n + 3])
        .collect();
    let mut cursor = ParagraphCursor::new(&doc);
    for p in asked {
        assert_eq!(cursor.sentences_in(p), doc.sentences_in(p), "{p}");
    }
}

/// The word test before the attribution regex never rejects a text the
/// regex matches: fixture lines and generated text.
#[test]
fn attribution_needs_a_word_of_its_own() {
    let pieces = [
        "according",
        "to",
        "Data",
        "FIGURES",
        "from",
        "by",
        "show",
        "shows",
        "showed",
        "shown",
        "that",
        "said",
        "Says",
        "say",
        "polls",
        "poll",
        "studies",
        "study",
        "analyses",
        "analysis",
        "estimated",
        "estimates",
        "pointed",
        "out",
        "found",
        "claims",
        "claimed",
        "claim",
        "reports",
        "report",
        "census",
        "tally",
        "counts",
        "wrote",
        "notes",
        "x",
        "1",
        "_",
        " ",
        "  ",
        "\n",
        "\t",
        ",",
        "é",
        "’",
        "-",
    ];
    let mut rng = crate::annotate::word::XorShift(0xdead_beef_cafe_f00d);
    let mut matched = 0;
    let mut texts: Vec<String> = crate::annotate::fixture_texts()
        .iter()
        .flat_map(|t| t.lines().map(String::from).collect::<Vec<_>>())
        .collect();
    for k in 0..60_000 {
        texts.push(rng.text(&pieces, if k % 3 == 0 { 10 } else { 4 }, k % 2 == 0));
    }
    // Each way a match may start, alone.
    for phrase in [
        "according to",
        "Data from",
        "polls by",
        "studies show",
        "analyses found",
        "census released",
        "tallies put",
        "counts of",
        "estimated that",
        "pointed out",
        "found that",
        "shows that",
        "show that",
        "showed",
        "claims",
        "claimed",
        "testified",
        "argued",
        "notes",
        "noted",
        "writes",
        "wrote",
        "counted",
        "projected",
        "projects",
        "tallied",
        "calculated",
        "stated",
        "confirmed",
        "announced",
        "reports",
        "reported",
        "tells",
        "told",
        "say",
        "says",
        "said",
        "estimates",
        "records from",
        "results from",
        "projections by",
        "numbers from",
        "statistics from",
        "figures by",
        "surveys by",
        "survey by",
        "study by",
        "report by",
        "analysis by",
        "tally of",
        "count by",
    ] {
        assert!(ATTRIBUTION.is_match(phrase), "{phrase}");
        texts.push(format!("It was, {phrase} them."));
    }
    for text in &texts {
        if ATTRIBUTION.is_match(text) {
            matched += 1;
            assert!(words::may_attribute(text), "{text:?}");
        }
        assert_eq!(attributes(text), ATTRIBUTION.is_match(text), "{text:?}");
    }
    assert!(matched > 3000 && matched < texts.len() - 3000, "{matched}");
}

/// Sentences with quantities are written in batches: every sentence of a
/// text longer than several batches still gets its own quantities, and
/// the paragraph cache still follows the paragraphs.
#[test]
fn batches_keep_each_sentence_its_quantities() {
    let mut text = String::new();
    for k in 0..1500 {
        if k % 3 == 0 {
            text.push_str("Nothing to count here.\n\n");
        }
        text.push_str(&format!("It cost ${} in all. ", 1000 + k));
        if k % 7 == 0 {
            text.push_str("Officials said so.");
        }
        text.push_str("\n\n");
    }
    let s = detect_with(&text, |_| {});
    let with: Vec<_> = s.iter().filter(|s| !s.quantities.is_empty()).collect();
    assert_eq!(with.len(), 1500);
    for (k, s) in with.iter().enumerate() {
        assert_eq!(s.quantities.len(), 1);
        assert_eq!(s.quantities[0].value, Some((1000 + k) as f64));
        assert_eq!(s.quantities[0].sourced, k % 7 == 0, "{k}");
        assert!(s.has(Label::Statistic));
    }
}
