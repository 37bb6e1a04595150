use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_xml")]
enum Error {
    #[fault(code = 400, title = "InvalidChangeBatch")]
    InvalidChangeBatch {
        #[fault(member, xml_flattened, xml_item_name = "Message")]
        messages: Vec<String>,
    },
}

fn main() {}
