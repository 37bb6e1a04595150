use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_query", query_compatible)]
enum Error {
    #[fault(code = 400, title = "QueueDoesNotExist")]
    NoQueue,
}

fn main() {}
