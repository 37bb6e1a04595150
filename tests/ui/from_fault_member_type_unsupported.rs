use fault_core::{ApiFault, FromFault};

#[derive(Debug, Default)]
struct Opaque;

impl std::fmt::Display for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("opaque")
    }
}

// `Display` is enough to send a member; reading one back needs `FromValue` (or serde).
#[derive(Debug, ApiFault, FromFault)]
enum Error {
    #[fault(code = 400)]
    Invalid {
        #[fault(member)]
        thing: Opaque,
    },
}

fn main() {}
