//! Every mistake in `#[fault(...)]` annotations is a compile error at its culprit (DESIGN.md §4):
//! one trybuild case per error, in `tests/ui/`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
