//! Events as self-CPIs, the one way every program emits them.
//!
//! The same instruction Anchor's `emit_cpi!` sends (its event tag, the event's
//! discriminator and Borsh body, signed by the program's `__event_authority` PDA), so
//! indexers and the clients decode it as before. Anchor's macro builds the bytes one
//! iterator step at a time, copies them again into the instruction and walks the
//! accounts before invoking: about 3,000 CU an event on sBPF, against a few hundred here.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};

use crate::cpi::invoke;

/// Emits `event` from `program` through its event authority (`bump` is the authority's,
/// `crate::EVENT_AUTHORITY_AND_BUMP.1` in the program).
pub fn emit_cpi<E: anchor_lang::Event>(program: &Pubkey, event_authority: &AccountInfo, bump: u8, event: &E) -> Result<()> {
    let mut data = Vec::with_capacity(anchor_lang::event::EVENT_IX_TAG_LE.len() + E::DISCRIMINATOR.len() + 256);
    data.extend_from_slice(anchor_lang::event::EVENT_IX_TAG_LE);
    data.extend_from_slice(E::DISCRIMINATOR);
    event.serialize(&mut data)?;
    let instruction = Instruction { program_id: *program, accounts: vec![AccountMeta::new_readonly(*event_authority.key, true)], data };
    invoke(&instruction, core::slice::from_ref(event_authority), &[&[b"__event_authority", &[bump]]])
}

/// `emit_event!(ctx, Event { .. })`: emits from the calling program, through the
/// `event_authority` account `#[event_cpi]` adds to its accounts.
#[macro_export]
macro_rules! emit_event {
    ($ctx:expr, $event:expr) => {
        $crate::event::emit_cpi(&crate::ID, &$ctx.accounts.event_authority.to_account_info(), crate::EVENT_AUTHORITY_AND_BUMP.1, &$event)?
    };
}
