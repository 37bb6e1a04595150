use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, colour = "red")]
    NotFound,
}

fn main() {}
