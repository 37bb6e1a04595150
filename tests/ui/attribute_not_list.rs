use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault]
    NotFound,
}

fn main() {}
