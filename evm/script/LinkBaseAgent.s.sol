// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Script, console2 } from "forge-std/Script.sol";
import { MessagingFee, MessagingReceipt } from "@layerzerolabs/oapp-evm/contracts/oapp/OAppSender.sol";

import { AgentRevenueRouter } from "../src/AgentRevenueRouter.sol";

/// Links a Base agent token to its OFT mint on Solana (the router's owner only), so that the
/// creator can register it there (`agentpad register <mint>`):
///
///   forge script script/LinkBaseAgent.s.sol --rpc-url <base-sepolia> --broadcast --private-key <owner key>
///
/// Environment (a Solana key as its 32 bytes of hex, 0x-prefixed):
///   ROUTER        the AgentRevenueRouter
///   BASE_AGENT    the agent token on Base
///   SOLANA_MINT   its OFT mint on Solana
///   CREATOR       the Solana key that may register it
///   OFT_STORE     the Solana OFT store that is the mint's authority (the Base OFT's peer)
contract LinkBaseAgent is Script {
    function run() external returns (MessagingReceipt memory receipt) {
        AgentRevenueRouter router = AgentRevenueRouter(payable(vm.envAddress("ROUTER")));
        address agent = vm.envAddress("BASE_AGENT");
        bytes32 mint = vm.envBytes32("SOLANA_MINT");
        bytes32 creator = vm.envBytes32("CREATOR");
        bytes32 store = vm.envBytes32("OFT_STORE");
        MessagingFee memory fee = router.quoteLink(agent, mint, creator, store, "");
        vm.startBroadcast();
        receipt = router.linkBaseAgent{ value: fee.nativeFee }(agent, mint, creator, store, "");
        vm.stopBroadcast();
        console2.log("link id", router.nextMessageId() - 1);
        console2.logBytes32(receipt.guid);
    }
}
