use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500, expose = true)]
    Internal,
}

fn main() {}
