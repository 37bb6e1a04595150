use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, titel = "NotFound")]
    NotFound,
}

fn main() {}
