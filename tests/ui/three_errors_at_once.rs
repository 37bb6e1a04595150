use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 302)]
    Moved,
    #[fault(code = 404, titel = "NotFound")]
    NotFound,
    #[fault(message = "conflict")]
    Conflict,
}

fn main() {}
