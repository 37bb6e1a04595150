use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "s3", dialect = "cinder")]
enum Error {
    #[fault(code = 404, title = "NoSuchKey")]
    NotFound,
}

fn main() {}
