use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, message = "no item {}", .0)]
    NotFound(String),
}

fn main() {}
