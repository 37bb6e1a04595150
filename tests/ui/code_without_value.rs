use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code)]
    Forbidden,
}

fn main() {}
