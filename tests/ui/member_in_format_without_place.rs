use fault_core::ApiFault;

// Heat's body has no place for a member: nothing would send it.
#[derive(Debug, ApiFault)]
#[fault(format = "heat")]
enum HeatError {
    #[fault(code = 400, title = "InvalidParameterValue")]
    Invalid {
        #[fault(member, rename = "Parameter")]
        parameter: String,
    },
}

fn main() {}
