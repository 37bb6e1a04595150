use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404)]
    NoSuchKey(#[fault(member)] String),
}

fn main() {}
