use fault_core::ApiFault;
use std::time::Duration;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_json")]
enum Error {
    #[fault(code = 429, title = "ThrottlingException")]
    Throttled {
        #[fault(retry_after)]
        wait: Duration,
        #[fault(header = "Retry-After")]
        retry_after_seconds: u32,
    },
}

fn main() {}
