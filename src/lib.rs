//! factlint: a fact-consistency checker for prose.
//!
//! A document is read into a [`document::Document`] (text, lines,
//! paragraphs, sentences); the [`extract`] parsers find its quantities, time
//! expressions and quotations; [`link`] ties each mention to the fact of a
//! [`facts::FactSheet`] it talks about; the [`rules`] report contradictions as
//! [`diagnostic::Diagnostic`]s; [`report`] renders them. The library does no
//! I/O and never prints: the `factlint` binary reads files and chooses the
//! exit code.

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod extract;
pub mod facts;
pub mod fix;
pub mod house_style;
pub mod interval;
pub mod link;
pub mod lint;
pub mod prose;
pub mod reference;
pub mod report;
pub mod rules;
pub mod source;
pub mod support;
pub mod suppress;
pub mod verbatim;
pub mod window;
pub mod words;
pub mod workspace;
