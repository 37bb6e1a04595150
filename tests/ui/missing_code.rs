use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(title = "NotFound")]
    NotFound,
}

fn main() {}
