use fault_core::ApiFault;

// awsJson error shapes have no `details`.
#[derive(Debug, ApiFault)]
#[fault(format = "aws_json11")]
enum TableError {
    #[fault(code = 400, title = "ValidationException")]
    Invalid {
        #[fault(details)]
        details: String,
        #[fault(validation_errors)]
        errors: Vec<String>,
    },
}

fn main() {}
