//! The seed systems' fault tables, generated from their enums: the docs table of Block
//! Storage's faults and of Heat's AWS errors, and Placement's list of error codes, each from
//! the variants' annotations and doc comments (`fault_core::Catalogue`).
//!
//! Run: `cargo run --example catalogue` (Markdown) or `cargo run --example catalogue -- rst`
//! (reStructuredText, as the OpenStack API references are written).

use fault_core::Catalogue;
use fault_suite::seeds::{HeatError, PlacementError, VolumeFault};

fn main() {
    let rst = std::env::args().nth(1).is_some_and(|arg| arg == "rst");
    let table = |catalogue: &Catalogue| {
        if rst {
            catalogue.rst_table()
        } else {
            catalogue.markdown_table()
        }
    };

    println!("Block Storage faults (src/seeds/block_storage.rs):\n");
    println!("{}", table(&Catalogue::of::<VolumeFault>()));

    println!("Heat's AWS-compatible API errors (src/seeds/heat.rs):\n");
    println!("{}", table(&Catalogue::of::<HeatError>()));

    println!("Placement's error codes (src/seeds/placement.rs):\n");
    let placement = Catalogue::of::<PlacementError>();
    if rst {
        print!("{}", placement.error_codes_rst());
    } else {
        print!("{}", placement.error_codes_markdown());
    }
}
