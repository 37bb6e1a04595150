use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_json10", query_compatible)]
enum Error {
    #[fault(code = 400, title = "QueueDoesNotExist", query_code = "NonExistentQueue;Sender")]
    NoQueue,
}

fn main() {}
