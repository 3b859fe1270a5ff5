//! Extractors: nom parsers that find the checkable mentions in a text.
//!
//! Each returns byte spans over the text it was given and knows nothing of
//! fact sheets; the same extractors read documents and fact texts.

mod attribution;
pub mod quantity;
pub mod quote;
pub mod tense;
pub mod time;
