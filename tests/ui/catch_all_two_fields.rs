use fault_core::{ApiFault, Fault, FromFault};

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 500)]
enum ClientError {
    #[fault(title = "Unknown", catch_all)]
    Unknown(Fault<'static>, String),
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 500)]
enum Unit {
    #[fault(title = "Unknown", catch_all)]
    Unknown,
}

fn main() {}
