//! The Rust client of the agentpad programs, organised as the TypeScript SDK (`app/src`):
//!
//! - [`pda`]: every address, one module per program (`pda.ts`);
//! - [`instructions`]: a builder for every instruction, one module per program, plus the
//!   token-program instructions around them (`instructions/*.ts`, `tokens.ts`);
//! - [`accounts`]: account bytes to the programs' types, discriminators checked (`accounts.ts`);
//! - [`presets`]: the preset economics the SDK ships (`presets.ts`).
//!
//! Account lists come from the programs' own `accounts` structs (their `cpi` feature), so a
//! changed instruction fails to compile here rather than failing on chain. Used by the
//! integration tests, the lifecycle example and the sBPF trace (`tests/integration`).

pub mod accounts;
pub mod instructions;
pub mod pda;
pub mod presets;

pub use pda::PoolKeys;
