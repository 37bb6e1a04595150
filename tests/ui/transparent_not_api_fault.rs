use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(transparent)]
    Io(std::io::Error),
}

fn main() {}
