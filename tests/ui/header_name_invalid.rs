use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 429)]
    Throttled {
        #[fault(header = "Retry After")]
        retry: u32,
    },
}

fn main() {}
