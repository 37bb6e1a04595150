use fault_core::ApiFault;

#[derive(Debug, thiserror::Error, ApiFault)]
#[fault(external_error)]
enum Error {
    #[error("no item {name}")]
    #[fault(code = 404, message = "no item {name}")]
    NotFound { name: String },
}

fn main() {}
