import { readFileSync } from "node:fs";

// The programs the sBPF runs load, their instructions (for names from discriminators) and
// the other programs their logs name. Shared by replay.mjs and profile.mjs.
export const PROGRAMS = {
  agent_factory: "BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62",
  bonding_curve: "GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm",
  fee_aggregator: "EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G",
  revenue_share: "8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh",
  agent_commerce: "9sE5jCinXPSpUoTM5eJUwmckhC5rSNS6AVWC83W1Yfh3",
  lz_endpoint_mock: "4dPYhcANTEjnPjYaHhbXHPz1ZzMyESTuX8sXMqKyATxE",
  oft_mock: "GgjGvgpajzQk4aHCPBA1hWXTvpSG3MGHM4NxYWefPX7J",
};
// agentpad's instructions come from the committed IDLs, so a new one is named without an edit
// here; the test stand-ins have none.
const idlInstructions = (name) =>
  JSON.parse(readFileSync(new URL(`../../../app/src/idl/${name}.json`, import.meta.url), "utf8")).instructions.map((i) => i.name);
export const INSTRUCTIONS = {
  agent_factory: idlInstructions("agent_factory"),
  bonding_curve: idlInstructions("bonding_curve"),
  fee_aggregator: idlInstructions("fee_aggregator"),
  revenue_share: idlInstructions("revenue_share"),
  agent_commerce: idlInstructions("agent_commerce"),
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
