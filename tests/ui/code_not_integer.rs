use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = "403")]
    Forbidden,
}

fn main() {}
