use fault_core::{ApiFault, FromFault};

// A field without a role is filled with `Default::default()`; so is a source.
#[derive(Debug, ApiFault, FromFault)]
enum VolumeError {
    #[fault(code = 500, message = "backend failure")]
    Backend(#[fault(source)] std::io::Error),
    #[fault(code = 400, message = "bad size")]
    BadSize { limit: std::num::NonZeroU32 },
}

fn main() {}
