// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Script, console2 } from "forge-std/Script.sol";
import { OptionsBuilder } from "@layerzerolabs/oapp-evm/contracts/oapp/libs/OptionsBuilder.sol";
import { EnforcedOptionParam } from "@layerzerolabs/oapp-evm/contracts/oapp/interfaces/IOAppOptionsType3.sol";
import { IOFT } from "@layerzerolabs/oft-evm/contracts/interfaces/IOFT.sol";

import { AgentRevenueRouter } from "../src/AgentRevenueRouter.sol";

/// Deploys and wires AgentRevenueRouter on Base (or Base Sepolia, or a local anvil):
///
///   forge script script/DeployAgentRevenueRouter.s.sol --rpc-url <base-sepolia> --broadcast --private-key <key>
///
/// Environment (hex; a Solana key as its 32 bytes: `agentpad config` prints the store's):
///   SOLANA_STORE       fee-aggregator's store PDA: the router's peer on Solana (required)
///   LZ_ENDPOINT        EndpointV2; defaults to LayerZero's on Base (8453) and Base Sepolia (84532)
///   SOLANA_EID         defaults to 30168 on Base, 40168 on Base Sepolia
///   OWNER              final owner and LayerZero delegate (a multisig); defaults to the deployer
///   REPORTER           optional: allowed to call reportFees (e.g. the tax manager)
///   FEE_TOKEN, FEE_TOKEN_MINT, FEE_TOKEN_OFT   optional: a fee token (e.g. VIRTUAL), its
///                      Solana mint, and its OFT on this chain (zero address: report-only)
///
/// It sets the enforced options below (the executor's compute units and lamports on
/// Solana), so no caller can send a message Solana cannot execute.
contract DeployAgentRevenueRouter is Script {
    using OptionsBuilder for bytes;

    address constant BASE_ENDPOINT = 0x1a44076050125825900e736c501f859c50fE728c;
    address constant BASE_SEPOLIA_ENDPOINT = 0x6EDCE65403992e310A62460808c4b910D972f10f;

    /// Compute units for fee-aggregator's `lz_receive` of a report (measured ceiling 56,000
    /// CU on sBPF, scripts/sbf/runner/budgets.json) and the lamports of its receipt account
    /// (a 0-byte rent-exempt account), which the executor pays.
    uint128 public constant REPORT_RECEIVE_CU = 150_000;
    uint128 public constant REPORT_RECEIVE_LAMPORTS = 890_880;
    /// The OFT's `lz_receive` (its store's token account exists: set_oft creates it), then
    /// fee-aggregator's `lz_compose` (ceiling 47,000 CU).
    uint128 public constant TRANSFER_RECEIVE_CU = 200_000;
    uint128 public constant TRANSFER_COMPOSE_CU = 150_000;
    /// fee-aggregator's `lz_receive` of an agent link (ceiling 41,000 CU) and the lamports of
    /// its receipt (0 bytes, 890,880) and of the link account (181 bytes, 2,150,640).
    uint128 public constant LINK_RECEIVE_CU = 150_000;
    uint128 public constant LINK_RECEIVE_LAMPORTS = 890_880 + 1_927_920;

    struct Config {
        address endpoint;
        uint32 solanaEid;
        bytes32 solanaStore;
        address owner;
        address reporter;
        address feeToken;
        bytes32 feeTokenMint;
        address feeTokenOft;
    }

    function run() external returns (AgentRevenueRouter router) {
        Config memory c = configFromEnv();
        vm.startBroadcast();
        router = deploy(c, msg.sender);
        vm.stopBroadcast();
        console2.log("AgentRevenueRouter", address(router));
        console2.log("endpoint", c.endpoint);
        console2.log("solanaEid", c.solanaEid);
        console2.log("owner", c.owner);
    }

    function configFromEnv() public view returns (Config memory c) {
        c.endpoint = vm.envOr("LZ_ENDPOINT", _defaultEndpoint());
        require(c.endpoint != address(0), "set LZ_ENDPOINT: no LayerZero endpoint known for this chain");
        c.solanaEid = uint32(vm.envOr("SOLANA_EID", uint256(_defaultSolanaEid())));
        require(c.solanaEid != 0, "set SOLANA_EID: no Solana endpoint id known for this chain");
        c.solanaStore = vm.envBytes32("SOLANA_STORE");
        c.owner = vm.envOr("OWNER", msg.sender);
        c.reporter = vm.envOr("REPORTER", address(0));
        c.feeToken = vm.envOr("FEE_TOKEN", address(0));
        if (c.feeToken != address(0)) {
            c.feeTokenMint = vm.envBytes32("FEE_TOKEN_MINT");
            c.feeTokenOft = vm.envOr("FEE_TOKEN_OFT", address(0));
        }
    }

    /// The deployment itself (the deployer is the owner until the end, then hands over).
    function deploy(Config memory c, address deployer) public returns (AgentRevenueRouter router) {
        router = new AgentRevenueRouter(c.endpoint, deployer, c.solanaEid);
        router.setPeer(c.solanaEid, c.solanaStore);
        router.setSolanaStore(c.solanaStore);
        router.setEnforcedOptions(enforcedOptions(router));
        if (c.reporter != address(0)) router.setReporter(c.reporter, true);
        if (c.feeToken != address(0)) router.setFeeToken(c.feeToken, c.feeTokenMint, IOFT(c.feeTokenOft), true);
        if (c.owner != deployer) {
            router.setDelegate(c.owner);
            router.transferOwnership(c.owner);
        }
    }

    function enforcedOptions(AgentRevenueRouter router) public view returns (EnforcedOptionParam[] memory p) {
        uint32 solanaEid = router.solanaEid();
        p = new EnforcedOptionParam[](3);
        p[0] = EnforcedOptionParam(
            solanaEid,
            router.MSG_FEE_REPORT(),
            OptionsBuilder.newOptions().addExecutorLzReceiveOption(REPORT_RECEIVE_CU, REPORT_RECEIVE_LAMPORTS)
        );
        p[1] = EnforcedOptionParam(
            solanaEid,
            router.MSG_VALUE_TRANSFER(),
            OptionsBuilder.newOptions().addExecutorLzReceiveOption(TRANSFER_RECEIVE_CU, 0).addExecutorLzComposeOption(0, TRANSFER_COMPOSE_CU, 0)
        );
        p[2] = EnforcedOptionParam(
            solanaEid,
            router.MSG_AGENT_LINK(),
            OptionsBuilder.newOptions().addExecutorLzReceiveOption(LINK_RECEIVE_CU, LINK_RECEIVE_LAMPORTS)
        );
    }

    function _defaultEndpoint() internal view returns (address) {
        if (block.chainid == 8453) return BASE_ENDPOINT;
        if (block.chainid == 84532) return BASE_SEPOLIA_ENDPOINT;
        return address(0);
    }

    function _defaultSolanaEid() internal view returns (uint32) {
        if (block.chainid == 8453) return 30168;
        if (block.chainid == 84532) return 40168;
        return 0;
    }
}
