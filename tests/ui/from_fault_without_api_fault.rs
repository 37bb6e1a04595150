use fault_core::FromFault;

#[derive(Debug, FromFault)]
enum ApiError {
    #[fault(code = 404)]
    NotFound,
}

fn main() {}
