pub mod create_pool;
pub mod create_seeded_pool;
pub mod graduate;

pub use create_pool::*;
pub use create_seeded_pool::*;
pub use graduate::*;
