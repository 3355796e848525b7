// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Script, console2 } from "forge-std/Script.sol";

import { AgentTokenOFT } from "../src/AgentTokenOFT.sol";

/// Deploys a Solana agent token's OFT on Base and peers it with the token's OFT store on
/// Solana (LayerZero's OFT program in adapter mode; docs/cross-chain-agents.md):
///
///   forge script script/DeployAgentTokenOFT.s.sol --rpc-url <base-sepolia> --broadcast --private-key <key>
///
/// Environment: NAME, SYMBOL; SOLANA_OFT_STORE (32 bytes hex); LZ_ENDPOINT and SOLANA_EID
/// default to LayerZero's on Base (30168) and Base Sepolia (40168); OWNER defaults to the deployer.
contract DeployAgentTokenOFT is Script {
    function run() external returns (AgentTokenOFT oft) {
        address endpoint = vm.envOr("LZ_ENDPOINT", _defaultEndpoint());
        require(endpoint != address(0), "set LZ_ENDPOINT: no LayerZero endpoint known for this chain");
        uint32 solanaEid = uint32(vm.envOr("SOLANA_EID", uint256(block.chainid == 8453 ? 30168 : block.chainid == 84532 ? 40168 : 0)));
        require(solanaEid != 0, "set SOLANA_EID");
        bytes32 peer = vm.envBytes32("SOLANA_OFT_STORE");
        vm.startBroadcast();
        oft = new AgentTokenOFT(vm.envString("NAME"), vm.envString("SYMBOL"), endpoint, msg.sender);
        oft.setPeer(solanaEid, peer);
        address owner = vm.envOr("OWNER", msg.sender);
        if (owner != msg.sender) {
            oft.setDelegate(owner);
            oft.transferOwnership(owner);
        }
        vm.stopBroadcast();
        console2.log("AgentTokenOFT", address(oft));
    }

    function _defaultEndpoint() internal view returns (address) {
        if (block.chainid == 8453) return 0x1a44076050125825900e736c501f859c50fE728c;
        if (block.chainid == 84532) return 0x6EDCE65403992e310A62460808c4b910D972f10f;
        return address(0);
    }
}
