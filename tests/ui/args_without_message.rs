use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, args(.0))]
    NotFound(String),
}

fn main() {}
