use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_json")]
enum Error {
    #[fault(code = 400, title = "LimitExceeded")]
    Limited {
        #[fault(header = "X-Amzn-Limit")]
        limit: u32,
        #[fault(header = "x-amzn-limit")]
        used: u32,
    },
}

fn main() {}
