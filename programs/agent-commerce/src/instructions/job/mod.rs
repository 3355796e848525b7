pub mod accept_job;
pub mod create_job;
pub mod evaluate_job;
pub mod expire_job;
pub mod fund_job;
pub mod submit_job;

pub use accept_job::*;
pub use create_job::*;
pub use evaluate_job::*;
pub use expire_job::*;
pub use fund_job::*;
pub use submit_job::*;
