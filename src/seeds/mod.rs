//! The five seed systems of `../shared/seeds/`, each as a typed enum deriving
//! [`ApiFault`](fault_core::ApiFault).
//!
//! Each module reproduces one seed document: the faults it lists, with the status, wire name
//! and text the document gives them, so that tests, examples and benches can check the
//! derive and the wire formats against real APIs.
//!
//! | Module | Seed document | Type | Wire format |
//! | --- | --- | --- | --- |
//! | [`heat`] | `heat-aws-exceptions.txt` | [`HeatError`] | `heat` |
//! | [`compute`] | `compute-api-faults.txt` | [`ComputeFault`] | `openstack` |
//! | [`block_storage`] | `block-storage-faults.txt` | [`VolumeFault`] | `openstack` |
//! | [`loadbalancer`] | `loadbalancer-faults.rst` | [`LoadBalancerFault`] | `load_balancer` |
//! | [`placement`] | `placement-errors.rst` | [`PlacementError`] | `placement` |

pub mod block_storage;
pub mod compute;
pub mod heat;
pub mod loadbalancer;
pub mod placement;

pub use block_storage::VolumeFault;
pub use compute::ComputeFault;
pub use heat::HeatError;
pub use loadbalancer::LoadBalancerFault;
pub use placement::PlacementError;
