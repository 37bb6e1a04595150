//! The seed systems as typed enums, and demo services answering with them, shared by the
//! workspace's tests, examples and benches.
#![warn(missing_docs)]

pub mod demos;
pub mod seeds;

/// The README's example, compiled and run as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
