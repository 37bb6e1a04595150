use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "openstack", dialect = "cindr")]
enum Error {
    #[fault(code = 404, title = "itemNotFound")]
    NotFound,
}

fn main() {}
