use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 400)]
    BadRequest {
        #[fault(details)]
        first: String,
        #[fault(details)]
        second: String,
    },
}

fn main() {}
