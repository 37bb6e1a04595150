//! The main demo: Heat's AWS-compatible API errors as one typed enum.
//!
//! Prints every fault the enum declares (status, title, err_type, message) and what a
//! handler returning `Result<_, HeatError>` produces for a few requests.
//!
//! Run: `cargo run --example heat`

use fault_core::ApiFault;
use fault_suite::seeds::HeatError;

/// A CloudFormation-style `DescribeStacks` handler: errors are typed, `?`-friendly values.
fn describe_stacks(params: &[(&str, &str)]) -> Result<String, HeatError> {
    let action = lookup(params, "Action").ok_or(HeatError::MissingAction)?;
    if action != "DescribeStacks" {
        return Err(HeatError::InvalidAction);
    }
    let name = lookup(params, "StackName").ok_or(HeatError::MissingParameter)?;
    if name.len() > 255 {
        return Err(HeatError::InvalidParameterValue);
    }
    Ok(format!("stack {name}: CREATE_COMPLETE"))
}

fn lookup<'a>(params: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn main() {
    println!("Heat's AWS-compatible API faults, declared once in src/seeds/heat.rs:\n");
    println!("{:<6} {:<28} {:<7} MESSAGE", "STATUS", "TITLE", "TYPE");
    for err in HeatError::ALL {
        let fault = err.fault();
        println!(
            "{:<6} {:<28} {:<7} {}",
            fault.status().as_u16(),
            fault.title(),
            fault.err_type(),
            fault.message()
        );
    }

    println!("\nA handler returning Result<_, HeatError>:\n");
    let requests: [&[(&str, &str)]; 4] = [
        &[("Action", "DescribeStacks"), ("StackName", "web")],
        &[("Action", "DescribeStacks")],
        &[("StackName", "web")],
        &[("Action", "DeleteEverything")],
    ];
    for params in requests {
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let query = query.join("&");
        match describe_stacks(params) {
            Ok(body) => println!("  ?{query:<40} -> 200 OK: {body}"),
            Err(err) => println!(
                "  ?{query:<40} -> {} {} ({}): {}",
                err.status().as_u16(),
                err.title(),
                err.err_type(),
                err.fault().message()
            ),
        }
    }
}
