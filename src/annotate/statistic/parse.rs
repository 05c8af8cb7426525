//! The quantity scanner: walks the tokens of a sentence once and reads each
//! number with what is around it (currency, magnitude, percent, range,
//! approximator, unit), rejecting what GUIDE §3 says is not a statistic.
//!
//! Every look-around is bounded by a few tokens, so a sentence costs linear
//! time however long it is.

use super::lex::{Kind, Tokens};
use super::words::{self, UnitKind};
use std::borrow::Cow;

/// A quantity that qualifies as a statistic.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<'a> {
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub unit: Option<Cow<'a, str>>,
    pub approx: bool,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The evidence rule: `money`, `percentage`, `range`, `fraction`,
    /// `multiplier`, `count`, `number_word`.
    pub rule: &'static str,
    /// Byte start of a change verb governing the number (`rose 5%`).
    pub change: Option<usize>,
}

/// A number read at some token: value and how it was written.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// Token after the number.
    end: usize,
    /// Written in words (`forty-two`, `two dozen`).
    words: bool,
    /// Separators or a decimal point (`41,000`, `4.5`).
    precise: bool,
    /// `hundreds of`, `dozens of`: a vague lower bound.
    vague: bool,
}

/// What follows a number: magnitude, percent, currency word.
#[derive(Debug, Clone, Copy, Default)]
struct Suffix {
    mult: f64,
    percent: bool,
    points: bool,
    currency: Option<&'static str>,
    cents: bool,
    end: usize,
}

pub struct Scanner<'x, 't> {
    t: &'x Tokens<'t>,
    /// The token after the first `number of` / `total of` of the sentence:
    /// it may name what a later bare number counts (`The number of
    /// soldiers … reached 41,000`).
    counted: Option<usize>,
}

fn is_year(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)
}

impl<'x, 't> Scanner<'x, 't> {
    pub fn new(t: &'x Tokens<'t>) -> Self {
        let counted = (1..t.len())
            .find(|&k| {
                t.word(k) == "of" && matches!(t.word(k - 1), "number" | "total" | "count" | "tally")
            })
            .map(|k| k + 1);
        Scanner { t, counted }
    }

    fn w(&self, i: usize) -> &str {
        self.t.word(i)
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.kind(i) == Some(Kind::Num)
    }

    /// Appends every qualifying quantity of the sentence to `out`, in order.
    pub fn scan(&self, out: &mut Vec<Found<'t>>) {
        let mut i = 0;
        while i < self.t.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some((f, next)) => {
                    if let Some(f) = f {
                        out.push(f);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Cheap test whether a quantity may start at token `i`: a number, a
    /// currency mark, a currency code, or a word that can open a quantity.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        match t.kind {
            Kind::Num => true,
            Kind::Sym => matches!(
                t.ch,
                '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | '₴' | '₪' | '~'
            ),
            Kind::Word => {
                let w = self.w(i);
                words::is_starter(w)
                    || (w.len() <= 3
                        && !self.t.text.as_bytes()[t.start].is_ascii_lowercase()
                        && self.t.all_caps(i))
            }
        }
    }

    /// Reads a quantity starting at token `i`. `Some((None, next))` means a
    /// number was read and rejected: its tokens are skipped.
    fn at(&self, i: usize) -> Option<(Option<Found<'t>>, usize)> {
        let (j, approx) = match self.approximator(i) {
            // `over`/`under` before a number word is a preposition
            // (`anger over two bills`); before digits or money it is not.
            Some(j)
                if matches!(self.w(i), "over" | "under") && self.t.kind(j) == Some(Kind::Word) =>
            {
                (i, false)
            }
            Some(j) => (j, true),
            None => (i, false),
        };
        let between = self.w(j) == "between";
        let core = if between { j + 1 } else { j };
        let change = self.change_before(i);
        if let Some(r) = self.multiplier(core) {
            return Some(r.map_found(|f| Found {
                start: self.t.toks[i].start,
                approx,
                change,
                ..f
            }));
        }
        if let Some((value, end)) = self.fraction(core, approx || change.is_some()) {
            // `a quarter of a million people`, `half of a billion dollars`:
            // an amount.
            if matches!(self.w(end), "a" | "an")
                && let Some(m) = words::magnitude(self.w(end + 1), false).filter(|_| {
                    self.t.kind(end + 1) == Some(Kind::Word)
                        && !matches!(self.w(end + 1), "k" | "m" | "b")
                })
            {
                let suf = self.suffix(end + 2, false);
                let unit = match suf.currency {
                    Some(c) => Some(Cow::Borrowed(c)),
                    None => self.unit_after(suf.end).map(|(u, _, _)| u),
                };
                let f = Found {
                    start: self.t.toks[i].start,
                    end: self.t.toks[suf.end - 1].end,
                    value: Some(value * m),
                    unit,
                    approx,
                    low: None,
                    high: None,
                    rule: if suf.currency.is_some() {
                        "money"
                    } else {
                        "number_word"
                    },
                    change,
                };
                return Some((Some(f), suf.end));
            }
            let f = Found {
                start: self.t.toks[i].start,
                end: self.t.toks[end - 1].end,
                value: Some(value),
                unit: Some(Cow::Borrowed("share")),
                approx,
                low: None,
                high: None,
                rule: "fraction",
                change,
            };
            return Some((Some(f), end));
        }
        self.amount(i, core, approx, between, change)
    }

    /// A money, percentage or counted amount, maybe a range.
    fn amount(
        &self,
        i: usize,
        core: usize,
        approx: bool,
        between: bool,
        change: Option<usize>,
    ) -> Option<(Option<Found<'t>>, usize)> {
        let (currency, k) = match self.currency_prefix(core) {
            Some((c, k)) => (Some(c), k),
            None => (None, core),
        };
        let num = self.number(k, currency.is_some())?;
        let rejected = if num.words {
            self.reject_words(k, &num)
        } else {
            currency.is_none() && self.reject_digits(k)
        };
        if rejected {
            // Skip the rest of a rejected range too (`Sept. 19 to 22`).
            let between = between || (k.saturating_sub(5)..k).any(|b| self.w(b) == "between");
            let end = self
                .range_end(k, num.end, between, false, None)
                .map_or(num.end, |(_, suf)| suf.end);
            return Some((None, end));
        }
        let mut suf = self.suffix(num.end, currency.is_some());
        let mut value = num.value;
        // `three times as many`, `40-fold`.
        if let Some(end) = self.times(suf.end) {
            let f = Found {
                start: self.t.toks[i].start,
                end: self.t.toks[end - 1].end,
                value: Some(value),
                unit: Some(Cow::Borrowed("times")),
                approx,
                low: None,
                high: None,
                rule: "multiplier",
                change,
            };
            return Some((Some(f), end));
        }
        if self.w(suf.end) == "times" {
            // `met three times`: a frequency, not a statistic.
            return Some((None, suf.end + 1));
        }
        // A range: `40–50`, `40 to 50`, `between 40 and 50`.
        let mut high = None;
        if let Some((second, ssuf)) =
            self.range_end(k, suf.end, between, change.is_some(), currency)
        {
            let low_mult = if suf.mult == 1.0 { ssuf.mult } else { suf.mult };
            let lo = value * low_mult;
            let hi = second.value * ssuf.mult;
            if hi > lo {
                high = Some((hi, second.end));
                suf.percent |= ssuf.percent;
                suf.points |= ssuf.points;
                suf.currency = suf.currency.or(ssuf.currency);
                suf.cents |= ssuf.cents;
                suf.mult = low_mult;
                suf.end = ssuf.end;
            } else if self.t.sym(suf.end).is_some() {
                // `voted 52-48`, `a 6-3 ruling`: a vote tally a reader can
                // check. Other `3-1`, `2012–13`: a score or a date span.
                if let Some(f) = self.tally(i, k, (&num, &second), ssuf.end) {
                    return Some((Some(f), ssuf.end));
                }
                return Some((None, ssuf.end));
            }
        }
        value *= suf.mult;
        let mut end = suf.end;
        let mut currency = currency.or(suf.currency);
        let scale = |v: f64| {
            if suf.percent || suf.cents {
                v / 100.0
            } else {
                v
            }
        };
        let value = scale(value);
        let (low, high) = match high {
            Some((h, _)) => (Some(value), Some(scale(h))),
            None => (None, None),
        };
        let mut unit: Option<Cow<'t, str>> = if suf.percent {
            Some(Cow::Borrowed(if suf.points {
                "percentage points"
            } else {
                "percent"
            }))
        } else {
            currency.map(Cow::Borrowed)
        };
        let range = low.is_some();
        let mut measure = false;
        // `a 42,000-square-foot center`, `a 12-mile pipeline`.
        if unit.is_none()
            && let Some((u, e)) = self.hyphen_measure(end)
        {
            unit = Some(u);
            measure = true;
            end = e;
        }
        if unit.is_none()
            && let Some((u, kind, e)) = self.unit_after(end)
        {
            match kind {
                // A measured duration (`every 72 minutes`, `roughly 20
                // minutes`, `add 20 minutes`); narrative durations are not
                // statistics.
                UnitKind::Time if !self.measured_duration(i, approx, e) => {
                    return Some((None, e));
                }
                UnitKind::Time => {
                    unit = Some(u);
                    measure = true;
                    end = e;
                }
                // `40 US dollars`
                UnitKind::Money => {
                    currency = words::UNITS.get(u.to_lowercase().as_str()).map(|x| x.code);
                    unit = currency.map(Cow::Borrowed);
                }
                UnitKind::Cents => {}
                UnitKind::Measure => {
                    measure = true;
                    unit = Some(u);
                }
                UnitKind::Count => {
                    // `a lead of 7 points`, `that lead was 7 points`: a
                    // poll margin.
                    if matches!(self.w(e - 1), "points" | "point") {
                        measure = true;
                    }
                    unit = Some(u);
                }
            }
            if kind == UnitKind::Measure {
                end = end.max(e);
            }
        }
        if self.clock_after(end) {
            return Some((None, end));
        }
        // `The number of Russian soldiers … reached 41,000`: soldiers.
        if unit.is_none()
            && let Some(c) = self.counted.filter(|&c| c < i)
            && let Some((u, UnitKind::Count, _)) = self.unit_after(c)
        {
            unit = Some(u);
        }
        // `people under 30`, `voters over 65`: an age bracket.
        if unit.is_none()
            && currency.is_none()
            && !suf.percent
            && !range
            && num.value < 125.0
            && i > 0
            && matches!(self.w(i), "under" | "over")
            && (matches!(self.w(i - 1), "those" | "anyone" | "everyone" | "aged")
                || words::UNITS
                    .get(self.w(i - 1))
                    .is_some_and(|u| u.kind == UnitKind::Count))
        {
            return Some((None, end.max(num.end)));
        }
        let rate = self.rate_after(end);
        let change = change.filter(|&c| currency.is_some() || suf.percent || !self.weak_change(c));
        let strong = currency.is_some()
            || suf.percent
            || suf.mult > 1.0
            || range
            || measure
            || rate
            || change.is_some()
            || (!num.words && num.precise)
            || (num.value >= 10.0 && !num.vague)
            || num.vague
            || (approx && num.value >= 2.0)
            || self.casualty_near(i, end);
        if !strong {
            return Some((None, end.max(num.end)));
        }
        let rule = if currency.is_some() {
            "money"
        } else if suf.percent {
            "percentage"
        } else if range {
            "range"
        } else if num.words {
            "number_word"
        } else {
            "count"
        };
        let qend = self.t.toks[end.max(num.end) - 1].end;
        let f = Found {
            start: self.t.toks[i].start,
            end: qend,
            value: if range { None } else { Some(value) },
            unit,
            approx: approx || num.vague,
            low,
            high,
            rule,
            change,
        };
        Some((Some(f), end.max(num.end)))
    }

    /// An approximator or comparison at `i` (`some`, `more than`); returns
    /// the token after it.
    fn approximator(&self, i: usize) -> Option<usize> {
        let first = self.w(i);
        // Not a word (a number, a symbol), or a word no sequence starts
        // with: no sequence starts here.
        if !first.is_empty() && words::may_open_approximator(first) {
            'outer: for seq in words::APPROX {
                if seq[0] != first {
                    continue;
                }
                for (k, w) in seq.iter().enumerate().skip(1) {
                    if self.w(i + k) != *w {
                        continue 'outer;
                    }
                }
                return Some(i + seq.len());
            }
        }
        if self.t.sym(i) == Some('~') {
            return Some(i + 1);
        }
        None
    }

    /// Byte start of a change verb right before token `i` (`rose 5%`,
    /// `fell by a third`, `increased to 40`).
    /// `up`/`down` count only before a percentage or money (see `amount`).
    fn change_before(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if matches!(self.w(k), "by" | "to" | "from") {
            k = k.checked_sub(1)?;
        }
        // `made up 2%` is a share, not a rise.
        if self.w(k) == "up"
            && k > 0
            && matches!(self.w(k - 1), "make" | "makes" | "made" | "making")
        {
            return None;
        }
        words::is_change_verb(self.w(k)).then(|| self.t.toks[k].start)
    }

    /// True when the change verb at byte `at` is `up` or `down`.
    fn weak_change(&self, at: usize) -> bool {
        let rest = &self.t.text[at..];
        rest.starts_with("up")
            || rest.starts_with("down")
            || rest.starts_with("Up")
            || rest.starts_with("Down")
    }

    /// A currency marker at `i` followed by a number: `$`, `US$`, `USD`.
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.t;
        let next_is_number = |k: usize| {
            self.is_num(k) || words::small_number(self.w(k)).is_some() || self.w(k) == "a"
        };
        if t.kind(i) == Some(Kind::Sym) {
            let code = words::CURRENCIES.get(t.raw(i))?;
            return next_is_number(i + 1).then_some((*code, i + 1));
        }
        if t.kind(i) == Some(Kind::Word) && t.all_caps(i) {
            if t.sym(i + 1) == Some('$') && t.glued(i + 1) {
                let key = &t.text[t.toks[i].start..t.toks[i + 1].end];
                let code = words::CURRENCIES.get(key)?;
                return next_is_number(i + 2).then_some((*code, i + 2));
            }
            let code = words::CURRENCIES.get(t.raw(i))?;
            return (self.is_num(i + 1) && !t.glued(i + 1)).then_some((*code, i + 1));
        }
        None
    }

    /// A number at `i`: digits, number words, `a dozen`, `hundreds of`.
    fn number(&self, i: usize, money: bool) -> Option<Num> {
        let t = self.t;
        if self.is_num(i) {
            let n = t.toks[i].num;
            return Some(Num {
                value: n.value,
                end: i + 1,
                words: false,
                precise: n.sep || n.decimal,
                vague: false,
            });
        }
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        // `half a million`
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            let m = words::magnitude(self.w(i + 2), false)?;
            return Some(Num {
                value: m / 2.0,
                end: i + 3,
                words: true,
                precise: false,
                vague: false,
            });
        }
        // `a million`, `a dozen`, `a hundred`.
        if matches!(w, "a" | "an") {
            let v = match self.w(i + 1) {
                "dozen" => 12.0,
                m => words::magnitude(m, false).filter(|_| m != "k")?,
            };
            return Some(Num {
                value: v,
                end: i + 2,
                words: true,
                precise: false,
                vague: false,
            });
        }
        // `tens of thousands of`, `hundreds of`.
        let (mut value, mut k) = match (w, self.w(i + 1)) {
            ("tens", "of") => (10.0, i + 2),
            _ => (1.0, i),
        };
        if let Some(p) = words::plural_magnitude(self.w(k))
            && self.w(k + 1) == "of"
        {
            value *= p;
            k += 2;
            if let Some(p2) = words::plural_magnitude(self.w(k)).filter(|_| self.w(k + 1) == "of") {
                value *= p2;
                k += 2;
            }
            return Some(Num {
                value,
                end: k,
                words: true,
                precise: false,
                vague: true,
            });
        }
        let _ = money;
        self.word_number(i)
    }

    /// Cardinal number words: `forty-two`, `two hundred and fifty`,
    /// `three million`, `two dozen`.
    fn word_number(&self, i: usize) -> Option<Num> {
        let t = self.t;
        words::small_number(self.w(i))?;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut k = i;
        let mut any = false;
        loop {
            let w = self.w(k);
            if let Some(v) = words::small_number(w) {
                if any && current % 100.0 != 0.0 {
                    break; // `two three` is not one number
                }
                current += v;
                k += 1;
                any = true;
                // `forty-two`
                if words::is_tens(w)
                    && t.sym(k) == Some('-')
                    && t.glued(k)
                    && t.glued(k + 1)
                    && let Some(u) = words::small_number(self.w(k + 1)).filter(|u| *u < 10.0)
                {
                    current += u;
                    k += 2;
                }
                continue;
            }
            if !any {
                break;
            }
            match w {
                "hundred" => current = current.max(1.0) * 100.0,
                "dozen" => current = current.max(1.0) * 12.0,
                "thousand" | "million" | "billion" | "trillion" => {
                    let m = words::magnitude(w, false).unwrap_or(1.0);
                    total += current.max(1.0) * m;
                    current = 0.0;
                }
                "and"
                    if words::small_number(self.w(k + 1)).is_some()
                        && (current >= 100.0 || total > 0.0) => {}
                _ => break,
            }
            k += 1;
        }
        Some(Num {
            value: total + current,
            end: k,
            words: true,
            precise: false,
            vague: false,
        })
    }

    /// Magnitude, percent and currency word after a number ending before `k`.
    fn suffix(&self, k: usize, money: bool) -> Suffix {
        let t = self.t;
        let mut s = Suffix {
            mult: 1.0,
            end: k,
            ..Suffix::default()
        };
        let mut k = k;
        // `$20-million`
        let dash = t.sym(k) == Some('-') && t.glued(k) && t.glued(k + 1);
        let mk = if dash { k + 1 } else { k };
        let mw = self.w(mk);
        // One-letter abbreviations must touch the number (`40k`, `$4m`).
        let abbrev = matches!(mw, "k" | "m" | "b");
        if let Some(m) = words::magnitude(mw, money).filter(|_| mw != "hundred" || !dash)
            && (!abbrev || t.glued(mk) || money)
        {
            s.mult = m;
            k = mk + 1;
        }
        // Percent: `%`, `percent`, `per cent`, `pct`, `percentage points`.
        let pk = if t.sym(k) == Some('-') && t.glued(k) {
            k + 1
        } else {
            k
        };
        if t.sym(k) == Some('%') {
            s.percent = true;
            k += 1;
        } else if matches!(self.w(pk), "percent" | "pct") {
            s.percent = true;
            k = pk + 1;
        } else if self.w(k) == "per" && self.w(k + 1) == "cent" {
            s.percent = true;
            k += 2;
        } else if self.w(k) == "percentage" && matches!(self.w(k + 1), "points" | "point") {
            s.percent = true;
            s.points = true;
            k += 2;
        }
        if s.percent && matches!(self.w(k), "points" | "point") {
            s.points = true;
            k += 1;
        }
        if !s.percent {
            if let Some(u) = words::UNITS.get(self.w(k)) {
                match u.kind {
                    UnitKind::Money => {
                        s.currency = Some(u.code);
                        k += 1;
                    }
                    UnitKind::Cents if !money => {
                        s.currency = Some(u.code);
                        s.cents = true;
                        k += 1;
                    }
                    _ => {}
                }
            } else if t.all_caps(k)
                && !t.glued(k)
                && let Some(code) = words::CURRENCIES.get(t.raw(k)).filter(|c| c.len() == 3)
            {
                s.currency = Some(code);
                k += 1;
            }
        }
        s.end = k;
        s
    }

    /// The end of a range whose first number starts at `first` and whose
    /// suffix ends before `k`: the second number and its suffix.
    fn range_end(
        &self,
        first: usize,
        k: usize,
        between: bool,
        change: bool,
        currency: Option<&str>,
    ) -> Option<(Num, Suffix)> {
        let t = self.t;
        let from = first > 0 && self.w(first - 1) == "from";
        let mut j = match (t.sym(k), self.w(k)) {
            (Some('-' | '–' | '—'), _) if t.glued(k) && t.glued(k + 1) => k + 1,
            (Some('–'), _) if self.is_num(k + 1) => k + 1,
            (_, "to") if !between && !from && !change => k + 1,
            (_, "and") if between => k + 1,
            _ => return None,
        };
        if currency.is_some()
            && t.kind(j) == Some(Kind::Sym)
            && words::CURRENCIES.contains_key(t.raw(j))
        {
            j += 1;
        }
        let num = self.number(j, currency.is_some())?;
        if !num.words {
            let n = t.toks[j].num;
            if n.dotted || n.lead_zero {
                return None;
            }
            // `555-1234`, `2021-05-03`
            if matches!(t.sym(num.end), Some('-' | '/'))
                && t.glued(num.end)
                && self.is_num(num.end + 1)
            {
                return None;
            }
        }
        let suf = self.suffix(num.end, currency.is_some());
        Some((num, suf))
    }

    /// `times as many`, `times more`, `-fold` after a number: the end token.
    fn times(&self, k: usize) -> Option<usize> {
        let t = self.t;
        if self.w(k) == "times" && words::is_comparison_word(self.w(k + 1)) {
            return Some(k + 1);
        }
        if self.w(k) == "fold" {
            return Some(k + 1);
        }
        if t.sym(k) == Some('-') && t.glued(k) && self.w(k + 1) == "fold" {
            return Some(k + 2);
        }
        None
    }

    /// `doubled`, `tripled`, `twice as`, `tenfold`.
    fn multiplier(&self, i: usize) -> Option<(Option<Found<'t>>, usize)> {
        let w = self.w(i);
        let (value, end) = if let Some(v) = words::multiplier_verb(w) {
            if self.w(i + 1) == "down" {
                return None; // `doubled down`
            }
            (v, i + 1)
        } else if w == "twice" && words::is_comparison_word(self.w(i + 1)) {
            (2.0, i + 1)
        } else {
            return None;
        };
        let f = Found {
            start: self.t.toks[i].start,
            end: self.t.toks[end - 1].end,
            value: Some(value),
            unit: Some(Cow::Borrowed("times")),
            approx: false,
            low: None,
            high: None,
            rule: "multiplier",
            change: None,
        };
        Some((Some(f), end))
    }

    /// A share: `half of`, `a third of`, `two-thirds`, `one in five`,
    /// `two of every five`, `nine out of 10`. `loose` (after an approximator
    /// or a change verb) accepts a fraction without `of`.
    fn fraction(&self, i: usize, loose: bool) -> Option<(f64, usize)> {
        let t = self.t;
        let w = self.w(i);
        let after_by = i > 0 && self.w(i - 1) == "by";
        if w == "half" {
            let next = self.w(i + 1);
            if matches!(next, "a" | "an") && words::magnitude(self.w(i + 2), false).is_some() {
                return None; // `half a million` is an amount
            }
            if matches!(next, "of") {
                return Some((0.5, i + 2));
            }
            if matches!(
                next,
                "the" | "its" | "their" | "his" | "her" | "our" | "all" | "them"
            ) || loose
                || after_by
            {
                return Some((0.5, i + 1));
            }
            return None;
        }
        // Numerator.
        let (num, k) = if matches!(w, "a" | "an" | "one") {
            (1.0, i + 1)
        } else if let Some(v) = words::small_number(w) {
            (v, i + 1)
        } else if self.is_num(i) && !t.toks[i].num.sep && !t.toks[i].num.decimal {
            (t.toks[i].num.value, i + 1)
        } else {
            return None;
        };
        if num == 0.0 {
            return None;
        }
        // `a third of`, `two-thirds`, `three quarters of`
        let dk = if t.sym(k) == Some('-') && t.glued(k) && t.glued(k + 1) {
            k + 1
        } else {
            k
        };
        if let Some(den) = words::denominator(self.w(dk)).filter(|_| t.kind(i) == Some(Kind::Word))
        {
            let plural = self.w(dk).ends_with('s');
            if (plural && num < 2.0) || (!plural && num > 1.0) || self.w(dk) == "halves" {
                return None;
            }
            if self.w(dk + 1) == "of" {
                return Some((num / den, dk + 2));
            }
            if loose || after_by || (plural && dk > k) {
                return Some((num / den, dk + 1));
            }
            return None;
        }
        // `one in five`, `two of every five`, `nine out of 10`
        let dk = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("in", _, _) => k + 1,
            ("of", "every", _) => k + 2,
            ("out", "of", "every") => k + 3,
            ("out", "of", _) => k + 2,
            ("of", _, _) if t.kind(k + 1) == Some(Kind::Num) => k + 1,
            _ => return None,
        };
        let den = if self.is_num(dk) {
            let n = t.toks[dk].num;
            if !n.sep && is_year(n.value) {
                return None;
            }
            n.value
        } else {
            words::small_number(self.w(dk)).or_else(|| self.word_number(dk).map(|n| n.value))?
        };
        let dend = if self.is_num(dk) {
            dk + 1
        } else {
            self.word_number(dk).map_or(dk + 1, |n| n.end)
        };
        (den > num).then_some((num / den, dend))
    }

    /// True when the digits at `i` are not a quantity: identifiers, dates,
    /// years, clock times, ages, addresses, descriptors (GUIDE §3).
    fn reject_digits(&self, i: usize) -> bool {
        let t = self.t;
        let n = t.toks[i].num;
        if n.dotted || n.lead_zero {
            return true;
        }
        // Glued to what comes before: `G7`, `F-16`, `COVID-19`, `BA.5`,
        // `#1`, `'90s`, `+44`, `§ 5`, `9/11` (second part).
        if t.glued(i) && i > 0 {
            match t.toks[i - 1].kind {
                Kind::Word | Kind::Num => return true,
                Kind::Sym => match t.toks[i - 1].ch {
                    '#' | '§' | '№' | '+' | '\'' | '’' | '@' | '^' => return true,
                    '-' | '–' | '.' | '/' | ':' | '_' | '\\'
                        if i >= 2 && t.glued(i - 1) && t.kind(i - 2) != Some(Kind::Sym) =>
                    {
                        return true;
                    }
                    _ => {}
                },
            }
        }
        if i > 0 && t.sym(i - 1) == Some('§') {
            return true;
        }
        // Glued to what follows.
        let next = i + 1;
        if t.glued(next) {
            match t.kind(next) {
                Some(Kind::Word) => {
                    let w = self.w(next);
                    let ok = words::magnitude(w, true).is_some()
                        || matches!(w, "fold" | "pct" | "x")
                        || words::UNITS
                            .get(w)
                            .is_some_and(|u| u.kind == UnitKind::Measure);
                    if !ok {
                        return true; // `1990s`, `5th`, `49ers`, `3D`, `10am`
                    }
                }
                Some(Kind::Sym) => {
                    let c = t.toks[next].ch;
                    let then = next + 1;
                    if t.glued(then) {
                        match (c, t.kind(then)) {
                            (':' | '/' | '.', Some(Kind::Num)) => return true,
                            ('(', _) => return true, // `401(k)`
                            ('\'' | '’', Some(Kind::Word)) if self.w(then) == "s" => return true,
                            ('-' | '–', Some(Kind::Word)) => {
                                let w = self.w(then);
                                let ok = words::magnitude(w, true).is_some()
                                    || matches!(w, "percent" | "fold" | "strong" | "plus")
                                    || self.hyphen_measure(next).is_some();
                                if !ok && words::small_number(w).is_none() {
                                    return true; // `75-year`, `212-page`
                                }
                            }
                            ('-' | '–', Some(Kind::Num)) => {
                                let m = t.toks[then].num;
                                let (a, b) = (n.value, m.value);
                                let third = matches!(t.sym(then + 1), Some('-' | '–'))
                                    && t.glued(then + 1)
                                    && self.is_num(then + 2);
                                if (is_year(a) && (is_year(b) || m.int_digits == 2))
                                    || (n.int_digits == 3 && m.int_digits == 4 && !n.sep && !m.sep)
                                    || third
                                {
                                    return true; // `2012–13`, `555-1234`
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        let value = n.value;
        let plain = !n.sep && !n.decimal;
        // A year: unless a counted noun or a percent follows (`1500 troops`).
        if plain && n.int_digits == 4 && is_year(value) {
            let w = self.w(next);
            let counted = words::UNITS
                .get(w)
                .is_some_and(|u| matches!(u.kind, UnitKind::Count | UnitKind::Measure));
            if !(counted || t.sym(next) == Some('%') || matches!(w, "percent" | "per")) {
                return true;
            }
        }
        // Next to a month: `May 5`, `5 May`, `Jan. 3`.
        let month = |k: usize| t.capitalised(k) && words::is_month(self.w(k));
        if i > 0 {
            let p = if t.sym(i - 1) == Some('.') && i > 1 {
                i - 2
            } else {
                i - 1
            };
            if month(p) {
                return true;
            }
        }
        if month(next) || (self.w(next) == "of" && month(next + 1)) {
            return true;
        }
        if self.clock_after(next) {
            return true;
        }
        // An identifier word before: `Article 5`, `page 12`, `No. 1`, `aged 45`.
        if i > 0 {
            let p = if t.sym(i - 1) == Some('.') && i > 1 {
                i - 2
            } else {
                i - 1
            };
            if words::IDENTIFIERS.contains(self.w(p)) {
                return true;
            }
            // `between the ages of 17 and 20`
            if self.w(p) == "of" && p > 0 && matches!(self.w(p - 1), "age" | "ages") {
                return true;
            }
            // A capitalised name right before: `Boeing 737`, `Fortune 500`.
            if !n.sep
                && p == i - 1
                && t.capitalised(p)
                && !self.sentence_initial(p)
                && !self.money_or_percent_after(i)
            {
                return true;
            }
        }
        // An age in apposition: `Smith, 45,` / `Smith (45)`.
        if plain && value < 125.0 && i >= 2 {
            let before = t.sym(i - 1);
            let name = t.capitalised(i - 2);
            let closes = matches!(t.sym(next), Some(',' | ')' | '.' | ';' | '—' | '―' | '–'))
                || next >= t.len()
                || self.w(next) == "and";
            if name && closes && matches!(before, Some(',' | '(')) {
                return true;
            }
        }
        // An age as a predicate: `who is 70.`, `Now 25, he`, `at 86 she`.
        if plain && value < 125.0 && i >= 1 {
            let ends = matches!(t.sym(next), Some(',' | '.' | ';')) || next >= t.len();
            let pronoun = |k: usize| matches!(self.w(k), "he" | "she" | "i" | "they" | "we");
            let person =
                |k: usize| matches!(self.w(k), "who" | "now") || pronoun(k) || t.capitalised(k);
            let prev = self.w(i - 1);
            let age = (matches!(prev, "is" | "was" | "turned" | "turns")
                && ends
                && i >= 2
                && person(i - 2))
                || (prev == "now" && self.sentence_initial(i - 1) && t.sym(next) == Some(','))
                || (prev == "at" && pronoun(next));
            if age {
                return true;
            }
        }
        // A street address: `10 Downing Street`, `1600 Pennsylvania Ave.`
        if plain {
            for k in next..(next + 5).min(t.len()) {
                let ordinal = matches!(self.w(k), "st" | "nd" | "rd" | "th") && t.glued(k);
                if !(t.capitalised(k) || ordinal || (self.is_num(k) && k > next)) {
                    break;
                }
                if k > next && t.capitalised(k) && words::is_street(self.w(k)) {
                    return true;
                }
            }
        }
        // A named savings plan: `529 plans`, `a 529 account`.
        if plain
            && value == 529.0
            && matches!(
                self.w(next),
                "plan" | "plans" | "account" | "accounts" | "savings" | "college"
            )
        {
            return true;
        }
        // Emergency numbers (`a 911 caller`) and long digit strings
        // (timestamps, tweet ids) are identifiers.
        if plain && (n.int_digits >= 7 || value == 911.0 || value == 999.0) {
            return true;
        }
        // A phone number: `(212) 555-1234`.
        if plain
            && n.int_digits == 3
            && i > 0
            && t.sym(i - 1) == Some('(')
            && t.sym(next) == Some(')')
        {
            return true;
        }
        false
    }

    /// True when number words at `i` are not a quantity: `one of`, a name
    /// (`the Big Ten`), a descriptor (`two-day`, `five-year`).
    fn reject_words(&self, i: usize, num: &Num) -> bool {
        let t = self.t;
        if num.vague {
            return false;
        }
        if self.w(i) == "one" && matches!(self.w(num.end), "of" | "another" | "day" | "time") {
            return true;
        }
        if t.capitalised(i) && !self.sentence_initial(i) {
            return true;
        }
        let e = num.end;
        if t.sym(e) == Some('-')
            && t.glued(e)
            && t.kind(e + 1) == Some(Kind::Word)
            && t.glued(e + 1)
        {
            let w = self.w(e + 1);
            return !(words::magnitude(w, false).is_some()
                || matches!(w, "fold" | "percent" | "strong")
                || self.hyphen_measure(e).is_some());
        }
        false
    }

    /// True when token `i` is the first word of the sentence (after
    /// opening quotes or brackets).
    fn sentence_initial(&self, i: usize) -> bool {
        (0..i).all(|k| self.t.kind(k) == Some(Kind::Sym))
    }

    /// True when a clock word follows at `k`: `10 a.m.`, `9pm`, `3 GMT`.
    fn clock_after(&self, k: usize) -> bool {
        let w = self.w(k);
        if words::is_clock_word(w)
            && (w.len() == 2 && matches!(w, "am" | "pm") || self.t.all_caps(k))
        {
            return true;
        }
        if matches!(w, "a" | "p") && self.t.sym(k + 1) == Some('.') && self.w(k + 2) == "m" {
            return true;
        }
        w == "o" && matches!(self.t.sym(k + 1), Some('\'' | '’')) && self.w(k + 2) == "clock"
    }

    /// The unit after a quantity ending before `k`: `troops` in `41,000
    /// Russian troops`. Skips up to two capitalised or modifier words.
    fn unit_after(&self, k: usize) -> Option<(Cow<'t, str>, UnitKind, usize)> {
        let t = self.t;
        for j in k..k + 3 {
            if t.kind(j) != Some(Kind::Word) {
                return None;
            }
            if t.kind(j + 1) == Some(Kind::Word)
                && let Some(u) = words::unit2(self.w(j), self.w(j + 1))
            {
                let text = &t.text[t.toks[j].start..t.toks[j + 1].end];
                return Some((Cow::Borrowed(text), u.kind, j + 2));
            }
            if let Some(u) = words::UNITS.get(self.w(j)) {
                return Some((Cow::Borrowed(t.raw(j)), u.kind, j + 1));
            }
            let modifier = matches!(
                self.w(j),
                "more"
                    | "new"
                    | "additional"
                    | "other"
                    | "extra"
                    | "fewer"
                    | "full"
                    | "local"
                    | "foreign"
                    | "civilian"
                    | "military"
                    | "active"
                    | "registered"
                    | "eligible"
                    | "confirmed"
                    | "square"
                    | "cubic"
                    | "metric"
            );
            if !(modifier || t.capitalised(j)) {
                return None;
            }
        }
        None
    }

    /// A vote tally `52-48` read from token `i` (numbers at `k` and `second`,
    /// ending before `end`), when a vote word is next to it (`voted 52-48`,
    /// `by a vote of 6-3`, `a 5-4 ruling`).
    fn tally(&self, i: usize, k: usize, nums: (&Num, &Num), end: usize) -> Option<Found<'t>> {
        let (first, second) = nums;
        if first.words || second.words || first.value > 1000.0 || k != i {
            return None;
        }
        let near = (i.saturating_sub(3)..i).chain(end..end + 2);
        if !near.into_iter().any(|j| words::is_vote_word(self.w(j))) {
            return None;
        }
        Some(Found {
            start: self.t.toks[i].start,
            end: self.t.toks[end - 1].end,
            value: None,
            unit: Some(Cow::Borrowed("votes")),
            approx: false,
            // Not a range: the tally has no one value.
            low: None,
            high: None,
            rule: "count",
            change: None,
        })
    }

    /// True when money or a percentage follows the digits at `i`, maybe
    /// as the end of a range (`Lakemont 15 to 20 cents`, `Windows 10%`).
    fn money_or_percent_after(&self, i: usize) -> bool {
        let s = self.suffix(i + 1, false);
        if s.percent || s.currency.is_some() {
            return true;
        }
        self.range_end(i, i + 1, false, false, None)
            .is_some_and(|(_, s)| s.percent || s.currency.is_some())
    }

    /// A unit of measure hyphenated to the number ending before `k`:
    /// `-acre`, `-mile`, `-square-foot`. Not an event name (`400-meter
    /// race`). Returns the unit text and the token after it.
    fn hyphen_measure(&self, k: usize) -> Option<(Cow<'t, str>, usize)> {
        let t = self.t;
        let is_measure = |j: usize| {
            t.kind(j) == Some(Kind::Word)
                && words::UNITS
                    .get(self.w(j))
                    .is_some_and(|u| u.kind == UnitKind::Measure)
        };
        if !(matches!(t.sym(k), Some('-' | '–')) && t.glued(k) && t.glued(k + 1)) {
            return None;
        }
        let first = k + 1;
        // `a 10-point lead`; not `a 10-point plan`.
        if matches!(self.w(first), "point" | "points") && words::is_margin_word(self.w(first + 1)) {
            return Some((Cow::Borrowed(t.raw(first)), first + 1));
        }
        if !is_measure(first) {
            return None;
        }
        let mut end = first + 1;
        // `square-foot`, `cubic-metre`
        if matches!(self.w(first), "square" | "cubic" | "sq")
            && t.sym(end) == Some('-')
            && t.glued(end)
            && t.glued(end + 1)
            && is_measure(end + 1)
        {
            end += 2;
        }
        if words::is_event_word(self.w(end)) {
            return None;
        }
        let text = &t.text[t.toks[first].start..t.toks[end - 1].end];
        Some((Cow::Borrowed(text), end))
    }

    /// True when the duration of a number read from token `i` with its
    /// unit ending before `e` is a measured amount: a rate (`every 72
    /// minutes`, `60 hours a week`), an approximate figure (`roughly 20
    /// minutes`), a change (`add 20 minutes`, `cut by 15 minutes`, `20
    /// minutes longer`) or a measured wait (`waits of up to three hours`).
    /// A narrative duration (`for two days`, `three weeks ago`, `for
    /// about an hour`) is not.
    fn measured_duration(&self, i: usize, approx: bool, e: usize) -> bool {
        let before = |k: usize| if i >= k { self.w(i - k) } else { "" };
        if before(1) == "every" || self.rate_after(e) {
            return true;
        }
        // `three weeks ago`, `18 years of age`, `two years as president`,
        // `up to 28 years in prison`: a time, an age, a tenure, a penalty.
        let penalty = |k: usize| {
            matches!(
                self.w(k),
                "prison" | "jail" | "detention" | "probation" | "custody"
            )
        };
        if matches!(
            self.w(e),
            "ago" | "later" | "earlier" | "before" | "after" | "old" | "since" | "as"
        ) || (self.w(e) == "of" && self.w(e + 1) == "age")
            || penalty(e)
            || (matches!(self.w(e), "in" | "behind")
                && (penalty(e + 1) || penalty(e + 2) || self.w(e + 1) == "bars"))
            || matches!(
                before(1),
                "in" | "within" | "after" | "past" | "last" | "next" | "first"
            )
        {
            return false;
        }
        // `for two days` is narrative; `for nearly nine minutes` measures.
        if matches!(before(1), "for" | "during" | "over")
            && !matches!(
                self.w(i),
                "about" | "roughly" | "nearly" | "almost" | "approximately" | "around" | "some"
            )
        {
            return false;
        }
        if matches!(
            self.w(e),
            "longer" | "shorter" | "faster" | "slower" | "more" | "less"
        ) {
            return true;
        }
        let verb = if before(1) == "by" {
            before(2)
        } else {
            before(1)
        };
        let measured_noun = before(1) == "of" && words::is_wait_word(before(2))
            || matches!(before(1), "average" | "median");
        // `$84 billion over 10 years`: `over` is the period.
        (approx && !matches!(self.w(i), "over" | "under"))
            || before(1) == "by"
            || words::is_change_verb(verb)
            || words::is_duration_verb(verb)
            || measured_noun
    }

    /// `per day`, `a year`, `each week` after a quantity: a rate.
    fn rate_after(&self, k: usize) -> bool {
        match self.w(k) {
            "per" => true,
            "a" | "an" | "each" | "every" => words::UNITS
                .get(self.w(k + 1))
                .is_some_and(|u| u.kind == UnitKind::Time),
            _ => false,
        }
    }

    /// A casualty or total word within three tokens of the quantity
    /// (`killed three people`, `three people died`).
    fn casualty_near(&self, start: usize, end: usize) -> bool {
        let lo = start.saturating_sub(3);
        let hi = (end + 4).min(self.t.len());
        (lo..start)
            .chain(end..hi)
            .any(|k| words::is_casualty_word(self.w(k)))
    }
}

trait MapFound<'t> {
    fn map_found(self, f: impl FnOnce(Found<'t>) -> Found<'t>) -> Self;
}

impl<'t> MapFound<'t> for (Option<Found<'t>>, usize) {
    fn map_found(self, f: impl FnOnce(Found<'t>) -> Found<'t>) -> Self {
        (self.0.map(f), self.1)
    }
}
