use fault_core::{ApiFault, Fault, FromFault};

// The mistake is reported once, by `ApiFault`; `FromFault` reports only its own rules.
#[derive(Debug, ApiFault, FromFault)]
enum ApiError {
    #[fault(code = 404, colour = "red")]
    NotFound,
    #[fault(code = 500, catch_all)]
    Unknown(Fault<'static>, u8),
}

fn main() {
    let _ = ApiError::from_fault(&Fault::new(fault_core::http::StatusCode::NOT_FOUND, "NotFound"));
}
