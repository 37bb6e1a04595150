//! Interop with the clients people use: our rendered responses (status, headers, body) fed
//! to botocore's parsers, openstacksdk, python-novaclient and keystoneauth1, installed by
//! `scripts/python-env.sh` into `target/interop-venv` (run on demand; never skipped), and
//! to botocore's real service clients, which fill an error's modeled members.
//! README.md's interop table records what each extracts.

mod aws;
mod harness;
mod modeled;
mod openstack;
