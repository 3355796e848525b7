pub mod distribute;
pub mod set_split;

pub use distribute::*;
pub use set_split::*;
