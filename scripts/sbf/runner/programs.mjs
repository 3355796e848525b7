// The programs the sBPF runs load, their instructions (for names from discriminators) and
// the other programs their logs name. Shared by replay.mjs and profile.mjs.
export const PROGRAMS = {
  agent_factory: "BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62",
  bonding_curve: "GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm",
  fee_aggregator: "EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G",
  revenue_share: "8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh",
  lz_endpoint_mock: "4dPYhcANTEjnPjYaHhbXHPz1ZzMyESTuX8sXMqKyATxE",
  oft_mock: "GgjGvgpajzQk4aHCPBA1hWXTvpSG3MGHM4NxYWefPX7J",
};
export const INSTRUCTIONS = {
  agent_factory: ["launch_agent", "propose_creator", "accept_creator", "claim_creator_fees"],
  bonding_curve: ["initialize_config", "propose_admin", "accept_admin", "set_protocol_fee_recipient", "create_preset", "create_pool",
    "graduate", "buy_exact_in", "buy_exact_out", "sell_exact_in", "claim_protocol_fees", "claim_creator_fees", "claim_agent_fees"],
  fee_aggregator: ["initialize_store", "propose_admin", "accept_admin", "set_peer_config", "set_oft", "set_delegate", "create_vault",
    "sweep", "deposit", "lz_receive_types", "lz_receive", "lz_compose_types", "lz_compose", "set_split", "distribute"],
  revenue_share: ["create_stake_pool", "add_reward_mint", "stake", "request_unstake", "withdraw", "close_position",
    "notify_reward", "claim"],
  lz_endpoint_mock: ["initialize", "register_oapp", "set_delegate", "verify", "clear", "send_compose", "clear_compose"],
  oft_mock: ["init_oft", "lz_receive"],
};
export const OTHER = {
  "11111111111111111111111111111111": "system",
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: "spl_token",
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: "token_2022",
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: "associated_token",
  ComputeBudget111111111111111111111111111111: "compute_budget",
};
