use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, message = 5)]
    NotFound,
}

fn main() {}
