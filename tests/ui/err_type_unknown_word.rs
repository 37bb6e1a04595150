use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 400, err_type = "Client")]
    BadRequest,
}

fn main() {}
