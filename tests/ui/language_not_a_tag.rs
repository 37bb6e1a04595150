use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "problem", language = "en_US")]
enum Error {
    #[fault(code = 403, title = "OutOfCredit")]
    OutOfCredit,
}

fn main() {}
