//! Rendering, ours against the hand-written code a user writes for the same bytes (issue 5).
//!
//!     cargo bench --bench render
//!
//! Per family (AWS query XML, AWS JSON 1.1, OpenStack JSON and XML, API-WG, problem details)
//! and per variant (an interpolated message, a fixed one):
//! - `response_ours`: `ApiFault::to_response`, status, headers and body;
//! - `response_hand`: `to_string()`, the body by serde_json or `format!`, `http::Response`
//!   with the same headers;
//! - `body_ours`: `ApiFault::write_body` into a fresh `Vec`, the body alone;
//! - `body_hand`: the hand-written body alone;
//! - `body_copy`: the fixed variant's finished body copied into a fresh `Vec`, the floor.
//!
//! Before timing, `main` checks that both ways give the same status, headers and bytes.

mod common;

use common::{FAMILIES, REQUEST_ID, VARIANTS, Variant, family};
use divan::{Bencher, black_box};
use fault_core::ApiFault;

fn main() {
    for (name, family) in FAMILIES {
        family.check(name);
    }
    divan::main();
}

macro_rules! family {
    ($name:ident) => {
        mod $name {
            use super::*;

            fn family() -> &'static common::Family {
                super::family(stringify!($name))
            }

            #[divan::bench(args = VARIANTS)]
            fn response_ours(bencher: Bencher, variant: &Variant) {
                let (family, err) = (family(), variant.error());
                let cx = family.context();
                bencher.bench_local(|| black_box(&err).to_response(family.format, &cx));
            }

            #[divan::bench(args = VARIANTS)]
            fn response_hand(bencher: Bencher, variant: &Variant) {
                let (family, err) = (family(), variant.error());
                bencher.bench_local(|| family.hand_response(black_box(&err), REQUEST_ID));
            }

            #[divan::bench(args = VARIANTS)]
            fn body_ours(bencher: Bencher, variant: &Variant) {
                let (family, err) = (family(), variant.error());
                let cx = family.context();
                bencher.bench_local(|| {
                    let mut buf = Vec::new();
                    black_box(&err).write_body(family.format, &cx, &mut buf);
                    buf
                });
            }

            #[divan::bench(args = VARIANTS)]
            fn body_hand(bencher: Bencher, variant: &Variant) {
                let (family, err) = (family(), variant.error());
                bencher.bench_local(|| (family.hand_body)(black_box(&err), REQUEST_ID));
            }

            #[divan::bench]
            fn body_copy(bencher: Bencher) {
                let family = family();
                let finished = Variant::Static
                    .error()
                    .to_response(family.format, &family.context())
                    .into_body();
                bencher.bench_local(|| black_box(&finished[..]).to_vec());
            }
        }
    };
}

family!(aws_query);
family!(aws_json);
family!(openstack_json);
family!(openstack_xml);
family!(api_wg);
family!(problem);
