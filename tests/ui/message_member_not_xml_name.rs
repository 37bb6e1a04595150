use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_json10", message_member = "error message")]
enum Error {
    #[fault(code = 400, title = "Invalid")]
    Invalid,
}

fn main() {}
