use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(code = 404, rename_all = "lowerCamelCase")]
enum Error {
    ItemNotFound,
}

fn main() {}
