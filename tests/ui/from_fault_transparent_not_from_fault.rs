use fault_core::{ApiFault, FromFault};

#[derive(Debug, ApiFault)]
#[fault(code = 404)]
enum StorageError {
    NotFound,
}

#[derive(Debug, ApiFault, FromFault)]
enum ApiError {
    #[fault(transparent)]
    Storage(StorageError),
}

fn main() {}
