use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(code = 404)]
struct Inner;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(transparent)]
    Inner(#[fault(details)] Inner),
}

fn main() {}
