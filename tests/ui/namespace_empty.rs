use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(code = 404, namespace = "")]
enum Error {
    NotFound,
}

fn main() {}
