use fault_core::{ApiFault, Fault, FromFault};

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 404)]
enum Inner {
    NotFound,
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 500)]
enum ClientError {
    #[fault(transparent, parse_target, remote("NotFound"))]
    Inner(Inner),
    #[fault(title = "Unknown", catch_all, remote_default)]
    Unknown(Fault<'static>),
}

fn main() {}
