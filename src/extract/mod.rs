//! Extractors: nom parsers that find the checkable mentions in a text.
//!
//! Each returns byte spans over the text it was given and knows nothing of
//! fact sheets; the same extractors read documents and fact texts.

mod attribution;
pub mod quantity;
pub mod quote;
pub mod tense;
pub mod time;

/// A set of words looked up without regard to ASCII case and without
/// allocating: the extractors' first-word filters, asked at every word.
pub(crate) struct WordSet {
    lowercase: std::collections::HashSet<Vec<u8>>,
}

impl WordSet {
    /// Longest word a set holds; longer words are never in it.
    const LONGEST: usize = 24;

    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w [u8]>) -> Self {
        WordSet {
            lowercase: words
                .into_iter()
                .filter(|w| !w.is_empty() && w.len() <= Self::LONGEST)
                .map(<[u8]>::to_ascii_lowercase)
                .collect(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let mut lower = [0u8; Self::LONGEST];
        let Some(lower) = lower.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        self.lowercase.contains(&*lower)
    }
}
