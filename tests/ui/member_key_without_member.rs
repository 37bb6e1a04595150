use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404)]
    NoSuchKey {
        #[fault(json_name = "key")]
        key: String,
        #[fault(details, rename = "Reason")]
        reason: String,
    },
}

fn main() {}
