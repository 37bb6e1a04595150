use fault_core::{ApiFault, FromFault};

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 400)]
enum HeatError {
    #[fault(title = "InvalidAction", parse_target)]
    InvalidAction,
    #[fault(title = "InvalidAction", parse_target)]
    ActionInProgress,
}

fn main() {}
