pub mod link;
pub mod lz_types;
pub mod oft;
pub mod peer;
pub mod policy;
pub mod store;
pub mod vault;

pub use link::*;
pub use lz_types::*;
pub use oft::*;
pub use peer::*;
pub use policy::*;
pub use store::*;
pub use vault::*;
