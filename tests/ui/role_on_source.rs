use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500)]
    Io(#[fault(source, details)] std::io::Error),
}

fn main() {}
