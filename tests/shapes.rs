//! Generic enums, lifetimes, const generics, enums declared inside functions, empty enums,
//! and unit, tuple and struct variants and structs all derive.

use fault_core::ApiFault;
use std::fmt::{Debug, Display};

#[derive(Debug, ApiFault)]
#[fault(code = 400)]
enum Generic<T, E> {
    #[fault(message = "bad value {0}")]
    Value(T),
    #[fault(code = 502, message = "upstream")]
    Upstream(#[fault(source)] E),
    #[fault(message = "debug {0:?}")]
    Debugged(Vec<T>),
}

#[test]
fn generic_parameters_get_the_bounds_they_need() {
    let e: Generic<u32, std::io::Error> = Generic::Value(7);
    assert_eq!(e.to_string(), "bad value 7");
    let e: Generic<u32, std::io::Error> = Generic::Upstream(std::io::Error::other("x"));
    assert_eq!(e.status().as_u16(), 502);
    assert!(std::error::Error::source(&e).is_some());
    let e: Generic<&str, std::fmt::Error> = Generic::Debugged(vec!["a"]);
    assert_eq!(e.to_string(), r#"debug ["a"]"#);
}

#[derive(Debug, ApiFault)]
enum Borrowing<'a> {
    #[fault(code = 404, message = "no such stack {name}")]
    NotFound { name: &'a str },
}

#[test]
fn lifetimes_are_carried() {
    let name = String::from("web");
    let e = Borrowing::NotFound { name: &name };
    assert_eq!(e.fault().message(), "no such stack web");
}

#[derive(Debug, ApiFault)]
enum WithWhere<T>
where
    T: Display + Debug,
{
    #[fault(code = 409, message = "{0}")]
    Conflict(T),
    #[fault(transparent)]
    Inner(Generic<T, std::io::Error>),
}

#[test]
fn where_clauses_and_generic_transparent_fields() {
    let e: WithWhere<u8> = WithWhere::Conflict(1);
    assert_eq!(e.status().as_u16(), 409);
    let e: WithWhere<u8> = WithWhere::Inner(Generic::Value(2));
    assert_eq!(e.status().as_u16(), 400);
    assert_eq!(e.to_string(), "bad value 2");
}

#[derive(Debug, ApiFault)]
#[fault(code = 413, message = "over {N} items")]
struct OverLimit<const N: usize>;

#[test]
fn const_generics() {
    assert_eq!(OverLimit::<10>.to_string(), "over 10 items");
}

#[test]
fn an_enum_inside_a_function() {
    #[derive(Debug, ApiFault)]
    enum Local {
        #[fault(code = 418, message = "teapot")]
        Teapot,
    }
    assert_eq!(Local::Teapot.status().as_u16(), 418);
}

#[derive(Debug, ApiFault)]
enum Never {}

#[test]
fn an_empty_enum_derives() {
    fn assert_fault<T: ApiFault>() {}
    assert_fault::<Never>();
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, message = "unit struct")]
struct UnitStruct;

#[derive(Debug, ApiFault)]
#[fault(code = 400, message = "tuple struct {0}")]
struct TupleStruct(u8);

#[derive(Debug, ApiFault)]
#[fault(code = 400, message = "named struct {field}")]
struct NamedStruct {
    field: u8,
}

#[derive(Debug, ApiFault)]
#[fault(code = 400)]
enum AllVariantShapes {
    #[fault(message = "unit")]
    Unit,
    #[fault(message = "tuple {0}")]
    Tuple(u8),
    #[fault(message = "struct {a}")]
    Struct { a: u8 },
}

#[test]
fn every_struct_and_variant_shape() {
    assert_eq!(UnitStruct.to_string(), "unit struct");
    assert_eq!(TupleStruct(1).to_string(), "tuple struct 1");
    assert_eq!(NamedStruct { field: 2 }.to_string(), "named struct 2");
    assert_eq!(AllVariantShapes::Unit.to_string(), "unit");
    assert_eq!(AllVariantShapes::Tuple(3).to_string(), "tuple 3");
    assert_eq!(AllVariantShapes::Struct { a: 4 }.to_string(), "struct 4");
}

mod names_that_shadow_prelude {
    // Generated code uses absolute paths, so local items named like std's do not break it.
    #![allow(dead_code)]
    struct Option;
    struct Result;
    struct Some;
    struct None;
    trait Display {}
    mod core {}
    mod std {}

    #[derive(Debug, fault_core::ApiFault)]
    pub enum Shadowed {
        #[fault(code = 400, message = "works {0}")]
        Works(u8),
        #[fault(code = 500)]
        Source(#[fault(source)] ::std::io::Error),
    }
}

#[test]
fn generated_code_uses_absolute_paths() {
    use names_that_shadow_prelude::Shadowed;
    assert_eq!(Shadowed::Works(1).to_string(), "works 1");
    let e = Shadowed::Source(std::io::Error::other("x"));
    assert!(std::error::Error::source(&e).is_some());
}
