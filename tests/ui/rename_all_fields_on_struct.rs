use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(code = 404, title = "NoSuchKey", rename_all_fields = "PascalCase")]
struct NoSuchKey {
    #[fault(member)]
    key: String,
}

fn main() {}
