use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 400, title = "Customized", query_code = "Customized", query_status = 302)]
    Custom,
}

fn main() {}
