use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(transparent)]
    Other(Inner, String),
}

#[derive(Debug, ApiFault)]
#[fault(code = 500)]
struct Inner;

fn main() {}
