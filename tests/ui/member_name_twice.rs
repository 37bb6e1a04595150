use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(rename_all_fields = "PascalCase")]
enum Error {
    #[fault(code = 404)]
    NoSuchKey {
        #[fault(member)]
        key: String,
        #[fault(member, rename = "Key")]
        other_key: String,
    },
}

fn main() {}
