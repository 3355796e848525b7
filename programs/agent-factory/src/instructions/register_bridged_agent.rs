use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use fee_aggregator::state::AgentLink;

use super::groups::*;
use crate::error::AgentFactoryError;

/// Makes an agent token from another chain an agent here: its record (marked with its
/// origin chain and token), fee vault and stake pool, for a mint that already exists — a
/// LayerZero OFT mint whose mint authority is its OFT store.
///
/// Registration is granted by the origin chain, never to whoever calls first: the Base side
/// sends a link (fee-aggregator records it from its peer) naming the mint, the creator who
/// may register it, and the OFT store. Only that creator, for that mint, once.
#[event_cpi]
#[derive(Accounts)]
pub struct RegisterBridgedAgent<'info> {
    /// The creator the link names; pays for the accounts.
    #[account(mut)]
    pub creator: Signer<'info>,
    /// The mint's link, written by fee-aggregator from a message of its peer: owned by
    /// fee-aggregator, typed `AgentLink`, storing this mint (`validate`; fee-aggregator
    /// writes a link only at its PDA).
    /// CHECK: as above.
    #[account(owner = fee_aggregator::ID @ AgentFactoryError::NoLink)]
    pub link: UncheckedAccount<'info>,
    pub bridged: NewBridgedAgent<'info>,
}

impl RegisterBridgedAgent<'_> {
    /// The link, typed by fee-aggregator's own `AgentLink` (owner checked by the constraint).
    fn link(&self) -> Result<AgentLink> {
        AgentLink::try_deserialize(&mut &self.link.try_borrow_data()?[..]).map_err(|_| error!(AgentFactoryError::NoLink))
    }

    fn validate(&self, preset_id: u16) -> Result<()> {
        let link = self.link()?;
        require_keys_eq!(link.mint, self.bridged.mint.key(), AgentFactoryError::LinkForAnotherMint);
        require_keys_eq!(link.creator, self.creator.key(), AgentFactoryError::NotLinkedCreator);
        self.bridged.check(&link.oft_store, preset_id)
    }
}

#[access_control(ctx.accounts.validate(preset_id))]
pub fn handle_register_bridged_agent(ctx: Context<RegisterBridgedAgent>, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<()> {
    let a = &ctx.accounts;
    let link = a.link()?;
    let origin = BridgedOrigin { creator: link.creator, oft_store: link.oft_store, origin_eid: link.origin_eid, origin_token: link.origin_token };
    let grant = Grant { origin, link_id: Some(link.link_id) };
    let event = a.bridged.register(&a.creator.to_account_info(), ctx.bumps.bridged.agent, &grant, preset_id, unstake_cooldown)?;
    emit_event!(ctx, event);
    Ok(())
}
