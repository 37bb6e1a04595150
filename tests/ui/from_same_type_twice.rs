use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500)]
    Read(#[fault(from)] std::io::Error),
    #[fault(code = 500)]
    Write(#[fault(from)] std::io::Error),
}

fn main() {}
