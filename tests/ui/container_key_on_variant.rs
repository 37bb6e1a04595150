use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, rename_all = "camelCase")]
    ItemNotFound,
}

fn main() {}
