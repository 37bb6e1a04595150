use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(code = 404, title = "NotFound")]
enum Error {
    NotFound,
}

fn main() {}
