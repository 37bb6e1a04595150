use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, message = "no item {}")]
    NotFound(String),
}

fn main() {}
