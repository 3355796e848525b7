pub mod job;
pub mod operator;

pub use job::*;
pub use operator::*;
