use fault_core::ApiFault;

#[derive(Debug, ApiFault)]
enum Error {
    #[fault(code = 404, message = "no item {nmae}")]
    NotFound { name: String },
}

fn main() {
    let error = Error::NotFound { name: "x".to_owned() };
    let fault: &dyn fault_core::ApiFault = &error;
    let _ = fault.status();
    let _ = error.to_string();
    let _: Box<dyn std::error::Error> = Box::new(error);
}
