//! statistic: quantities offered as fact, normalised (GUIDE §3).

use super::Context;
use crate::report::Sentence;

pub fn detect<'a>(_cx: &Context<'a, '_>, _sentences: &mut [Sentence<'a>]) {}
