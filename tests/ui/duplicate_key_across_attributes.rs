use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404)]
    #[fault(code = 410)]
    Gone,
}

fn main() {}
