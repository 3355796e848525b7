//! Program ids of the agentpad suite (each program's `declare_id!` must match; a test
//! checks it). A program that must recognise another as its caller, without depending on
//! its crate, reads the id here.

use anchor_lang::prelude::*;

pub const AGENT_FACTORY: Pubkey = pubkey!("BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62");
pub const BONDING_CURVE: Pubkey = pubkey!("GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm");
pub const FEE_AGGREGATOR: Pubkey = pubkey!("EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G");
pub const REVENUE_SHARE: Pubkey = pubkey!("8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh");
pub const AGENT_COMMERCE: Pubkey = pubkey!("9sE5jCinXPSpUoTM5eJUwmckhC5rSNS6AVWC83W1Yfh3");

/// Seed of the agent-factory PDA that signs pool creation in bonding-curve.
pub const LAUNCHER_SEED: &[u8] = b"launcher";

/// A PDA computed at compile time, as the runtime derives one:
/// `sha256(seeds ‖ bump ‖ program ‖ "ProgramDerivedAddress")`. For fixed seeds only, with
/// their canonical bump; `tests/integration/tests/program_ids.rs` checks every one against
/// `find_program_address` (which also proves it is off the curve). Checking an account
/// against such a constant costs a key comparison instead of a 1,500-CU syscall per try.
pub const fn const_pda(seeds: &[&[u8]], bump: u8, program: &Pubkey) -> Pubkey {
    let mut hasher = sha2_const_stable::Sha256::new();
    let mut i = 0;
    while i < seeds.len() {
        hasher = hasher.update(seeds[i]);
        i += 1;
    }
    Pubkey::new_from_array(hasher.update(&[bump]).update(program.as_array()).update(b"ProgramDerivedAddress").finalize())
}

/// The agent-factory PDA allowed to create pools, and its bump (it signs).
pub const LAUNCHER_BUMP: u8 = 254;
pub const LAUNCHER: Pubkey = const_pda(&[LAUNCHER_SEED], LAUNCHER_BUMP, &AGENT_FACTORY);

/// Seed of the agent-commerce PDA that owns every job's escrow and alone may credit
/// commerce revenue into a fee-aggregator vault.
pub const ESCROW_AUTHORITY_SEED: &[u8] = b"escrow_authority";
/// Its canonical bump (checked in tests/integration/tests/program_ids.rs).
pub const ESCROW_AUTHORITY_BUMP: u8 = 254;
pub const ESCROW_AUTHORITY: Pubkey = const_pda(&[ESCROW_AUTHORITY_SEED], ESCROW_AUTHORITY_BUMP, &AGENT_COMMERCE);

/// Every agent token has 6 decimals (enforced by bonding-curve at pool creation).
pub const AGENT_TOKEN_DECIMALS: u8 = 6;
