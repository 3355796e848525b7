pub mod close_position;
pub mod request_unstake;
pub mod stake;
pub mod withdraw;

pub use close_position::*;
pub use request_unstake::*;
pub use stake::*;
pub use withdraw::*;
