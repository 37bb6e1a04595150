use fault_core::{ApiFault, FromFault};

// `&'static str` can be sent, but a parsed fault owns its text: it cannot fill one.
#[derive(Debug, ApiFault, FromFault)]
enum VolumeError {
    #[fault(code = 400, message = "invalid")]
    Invalid {
        #[fault(details)]
        details: &'static str,
        #[fault(validation_errors)]
        errors: Vec<&'static str>,
    },
    #[fault(code = 404, message = "{0}")]
    NotFound(&'static str),
}

fn main() {}
