pub mod create_pool;
pub mod graduate;

pub use create_pool::*;
pub use graduate::*;
