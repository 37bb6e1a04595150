use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
struct NotFound;

fn main() {}
