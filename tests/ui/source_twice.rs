use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500)]
    Io(#[fault(source)] std::io::Error, #[fault(source)] std::fmt::Error),
}

fn main() {}
