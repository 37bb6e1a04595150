use fault_core::{ApiFault, FromFault};

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 400)]
enum HeatError {
    #[fault(remote(ValueError))]
    NotALiteral,
    #[fault(remote("heat.common.exception.StackExists", "NotFound_Remote", 42))]
    NotNormalised,
    #[fault(remote("Forbidden", "Forbidden"))]
    Twice,
    #[fault(remote())]
    Empty,
}

fn main() {}
