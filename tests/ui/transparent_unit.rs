use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(transparent)]
    Other,
}

fn main() {}
