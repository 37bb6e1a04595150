use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 400)]
    Invalid {
        #[fault(member, xml_attribute, xml_flattened)]
        tags: Vec<String>,
    },
}

fn main() {}
