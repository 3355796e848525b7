use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::emit_event;
use agentpad_common::interface::read_agent;
use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::CommerceError;
use crate::event::OperatorSet;
use crate::state::Operator;

/// Names (or rotates) the key that acts for an agent in jobs. The agent's current creator
/// signs (agent-factory's record says who that is).
#[event_cpi]
#[derive(Accounts)]
pub struct SetOperator<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    /// CHECK: agent-factory's record of `agent_mint` (`read_agent`: owner, type, mint).
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent's mint, as its record stores it.
    pub agent_mint: UncheckedAccount<'info>,
    /// CHECK: the agent's operator account, created here on first use.
    #[account(mut, seeds = [seeds::OPERATOR, agent_mint.key().as_ref()], bump)]
    pub operator_account: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl SetOperator<'_> {
    fn validate(&self, operator: &Pubkey) -> Result<()> {
        let agent = read_agent(&self.agent, self.agent_mint.key).map_err(|_| error!(CommerceError::NotAgentRecord))?;
        require_keys_eq!(agent.creator, self.creator.key(), CommerceError::NotCreator);
        require!(*operator != Pubkey::default(), CommerceError::InvalidOperator);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&operator))]
pub fn handle_set_operator(ctx: Context<SetOperator>, operator: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    let (agent_mint, info) = (a.agent_mint.key(), a.operator_account.to_account_info());
    let previous = if *info.owner == crate::ID {
        Operator::try_deserialize(&mut &info.try_borrow_data()?[..])?.operator
    } else {
        let signer: &[&[u8]] = &[seeds::OPERATOR, agent_mint.as_ref(), &[ctx.bumps.operator_account]];
        create_rent_exempt(&a.system_program.to_account_info(), &a.creator.to_account_info(), &info, Operator::SPACE, &crate::ID, signer, &Rent::get()?)?;
        Pubkey::default()
    };
    write_borsh(&info, &Operator { agent_mint, operator, bump: ctx.bumps.operator_account })?;
    emit_event!(ctx, OperatorSet { agent_mint, previous, operator, set_by: a.creator.key() });
    Ok(())
}
