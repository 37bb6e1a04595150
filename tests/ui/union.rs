use fault_core::ApiFault;

#[derive(ApiFault)]
union Error {
    code: u16,
    other: u32,
}

fn main() {}
