pub mod peer;
pub mod policy;
pub mod store;
pub mod vault;

pub use peer::*;
pub use policy::*;
pub use store::*;
pub use vault::*;
