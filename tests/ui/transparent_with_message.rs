use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(transparent, message = "inner failed")]
    Other(Inner),
}

#[derive(Debug, ApiFault)]
#[fault(code = 500)]
struct Inner;

fn main() {}
