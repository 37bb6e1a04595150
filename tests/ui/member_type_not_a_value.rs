use fault_core::ApiFault;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 400)]
    Invalid {
        #[fault(member)]
        thing: Opaque,
    },
}

fn main() {}
