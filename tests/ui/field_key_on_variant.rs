use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500, source)]
    Io(std::io::Error),
}

fn main() {}
