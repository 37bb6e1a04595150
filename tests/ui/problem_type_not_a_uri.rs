use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "problem")]
enum Error {
    #[fault(code = 403, title = "OutOfCredit", problem_type = "out of credit")]
    OutOfCredit,
}

fn main() {}
