pub mod set_operator;

pub use set_operator::*;
