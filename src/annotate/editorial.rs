//! editorial: the writer's own evaluation, outside quotation marks (GUIDE §3).

use super::{Context, QuoteMap};
use crate::report::Sentence;

/// Summed weight at which a sentence is labelled editorial.
pub const DEFAULT_THRESHOLD: f32 = 1.0;

pub fn detect<'a>(_cx: &Context<'a, '_>, _sentences: &mut [Sentence<'a>], _quotes: &QuoteMap) {}
