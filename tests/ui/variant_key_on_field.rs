use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404)]
    NotFound(#[fault(code = 410)] String),
}

fn main() {}
