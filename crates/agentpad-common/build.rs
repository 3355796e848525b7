//! `interface.rs` types other programs' accounts from their committed IDLs with
//! `declare_program!`, which reads the files while compiling; cargo does not see that
//! read, so it is told here: a regenerated IDL recompiles this crate.
fn main() {
    for idl in ["agent_factory", "fee_aggregator"] {
        println!("cargo:rerun-if-changed=../../idls/{idl}.json");
    }
}
