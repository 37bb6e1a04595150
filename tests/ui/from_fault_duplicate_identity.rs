use fault_core::{ApiFault, FromFault};

// Heat's two `InvalidAction` classes: fine for `ApiFault`, ambiguous for `FromFault`.
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 400)]
enum HeatError {
    #[fault(title = "InvalidAction", message = "The action or operation requested is invalid")]
    InvalidAction,
    #[fault(title = "InvalidAction", message = "Cannot perform action on stack while other actions are in progress")]
    ActionInProgress,
    #[fault(error_code = "svc.gone")]
    Gone,
    #[fault(title = "Gone", error_code = "svc.gone")]
    AlsoGone,
}

fn main() {}
