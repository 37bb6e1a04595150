//! The seed systems as typed enums, shared by the workspace's tests, examples and benches.
