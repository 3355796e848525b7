/** Program ids, seeds and protocol constants, as the programs define them. */
import { PublicKey } from "@solana/web3.js";

export const PROGRAM_IDS = {
  agentFactory: new PublicKey("BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62"),
  bondingCurve: new PublicKey("GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm"),
  feeAggregator: new PublicKey("EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G"),
  revenueShare: new PublicKey("8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh"),
  agentCommerce: new PublicKey("9sE5jCinXPSpUoTM5eJUwmckhC5rSNS6AVWC83W1Yfh3"),
} as const;

/** The test-only LayerZero endpoint stand-in (tests/lz-endpoint-mock); localnet only. */
export const LZ_ENDPOINT_MOCK_ID = new PublicKey("4dPYhcANTEjnPjYaHhbXHPz1ZzMyESTuX8sXMqKyATxE");
/** The test-only stand-in for LayerZero's Solana OFT (tests/oft-mock); localnet only. */
export const OFT_MOCK_ID = new PublicKey("GgjGvgpajzQk4aHCPBA1hWXTvpSG3MGHM4NxYWefPX7J");
/** LayerZero V2 EndpointV2 on Solana mainnet-beta and devnet. */
export const LZ_ENDPOINT_V2_ID = new PublicKey("76y77prsiCMvXMjuoZ5VRrhG5qYBrUMYTE5WgHqgjEn6");

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");
export const NATIVE_MINT = new PublicKey("So11111111111111111111111111111111111111112");
export const BPF_LOADER_UPGRADEABLE_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");

/** Agent tokens: Token-2022, 6 decimals, fixed supply. */
export const AGENT_TOKEN_DECIMALS = 6;
export const BPS_DENOMINATOR = 10_000n;
export const MAX_REWARD_MINTS = 4;
export const MAX_CHAINS = 8;
/** agent-factory's metadata bounds, in UTF-8 bytes. */
export const METADATA_LIMITS = { name: 32, symbol: 10, uri: 200 } as const;
/** agent-commerce's bounds: terms and deliverable URIs in UTF-8 bytes, the evaluator's fee in bps of the budget. */
export const COMMERCE_LIMITS = { uri: 200, evaluatorFeeBps: 5_000 } as const;
/** The longest unstake cooldown any preset allows (agentpad_math::staking); the shortest is the preset's. */
export const MAX_UNSTAKE_COOLDOWN = 30 * 86_400;

export const SEEDS = {
  bondingCurve: { config: "config", preset: "preset", pool: "pool", baseVault: "base_vault", quoteVault: "quote_vault" },
  agentFactory: { agent: "agent", launcher: "launcher" },
  feeAggregator: {
    store: "Store", peer: "Peer", vault: "vault", vaultTokens: "vault_tokens", receipt: "receipt", policy: "policy", oft: "oft", agentLink: "agent_link",
    lzReceiveTypes: "LzReceiveTypes", lzComposeTypes: "LzComposeTypes",
  },
  revenueShare: { stakePool: "stake_pool", stakeVault: "stake_vault", rewardVault: "reward_vault", position: "position" },
  agentCommerce: { operator: "operator", job: "job", escrow: "escrow", escrowAuthority: "escrow_authority" },
  endpoint: { oapp: "OApp", nonce: "Nonce", payloadHash: "PayloadHash", endpoint: "Endpoint", composedMessage: "ComposedMessageHash" },
  eventAuthority: "__event_authority",
} as const;

/** Pool phases as stored on chain. */
export const PHASE = { curve: 0, complete: 1, graduated: 2 } as const;

/** Job phases as stored on chain (agentpad_math::job::JobPhase). */
export const JOB_PHASE = { requested: 0, accepted: 1, funded: 2, submitted: 3, completed: 4, rejected: 5, expired: 6 } as const;

/** Solana CLI cluster monikers. */
export const CLUSTER_URLS: Record<string, string> = {
  localnet: "http://127.0.0.1:8899",
  devnet: "https://api.devnet.solana.com",
  testnet: "https://api.testnet.solana.com",
  "mainnet-beta": "https://api.mainnet-beta.solana.com",
};
