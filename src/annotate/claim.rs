//! reported_claim: indirect speech, attribution and hedges (GUIDE §3).

use super::{Context, QuoteMap};
use crate::report::Sentence;

pub fn detect<'a>(_cx: &Context<'a, '_>, _sentences: &mut [Sentence<'a>], _quotes: &QuoteMap) {}
