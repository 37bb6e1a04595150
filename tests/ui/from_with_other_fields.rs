use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 500)]
    Io {
        path: String,
        #[fault(from)]
        cause: std::io::Error,
    },
}

fn main() {}
