use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 409, error_code = "Placement.Concurrent Update")]
    Conflict,
}

fn main() {}
