use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, message = "not found", explanation = "The resource could not be found.")]
    NotFound,
}

fn main() {}
