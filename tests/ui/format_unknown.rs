use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_qeury")]
enum Error {
    #[fault(code = 404)]
    NotFound,
}

fn main() {}
