use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_json")]
enum Error {
    #[fault(code = 400)]
    Rejected {
        #[fault(header = "X-Amzn-RequestId")]
        id: String,
    },
}

fn main() {}
