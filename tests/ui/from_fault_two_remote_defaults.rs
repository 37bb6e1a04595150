use fault_core::{ApiFault, FromFault};

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 500)]
enum HeatError {
    #[fault(remote_default)]
    InternalFailure,
    #[fault(remote_default)]
    ServiceUnavailable,
}

fn main() {}
