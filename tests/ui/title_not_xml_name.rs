use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, title = "item not found")]
    NotFound,
}

fn main() {}
