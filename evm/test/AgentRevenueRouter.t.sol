// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Test, Vm } from "forge-std/Test.sol";
import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";
import { ILayerZeroEndpointV2, Origin, MessagingFee } from "@layerzerolabs/lz-evm-protocol-v2/contracts/interfaces/ILayerZeroEndpointV2.sol";
import { OptionsBuilder } from "@layerzerolabs/oapp-evm/contracts/oapp/libs/OptionsBuilder.sol";
import { IOAppOptionsType3, EnforcedOptionParam } from "@layerzerolabs/oapp-evm/contracts/oapp/interfaces/IOAppOptionsType3.sol";
import { IOAppCore } from "@layerzerolabs/oapp-evm/contracts/oapp/interfaces/IOAppCore.sol";
import { IOFT } from "@layerzerolabs/oft-evm/contracts/interfaces/IOFT.sol";
import { OAppSender } from "@layerzerolabs/oapp-evm/contracts/oapp/OAppSender.sol";

import { AgentRevenueRouter } from "../src/AgentRevenueRouter.sol";
import { LzTestBase, ISimpleMessageLib } from "./LzTestBase.sol";
import { MockVirtual, VirtualOFTAdapter, RemoteVirtualOFT, RemoteStore } from "./mocks/Mocks.sol";

interface IEndpointDelegates {
    function delegates(address oapp) external view returns (address);
}

/// AgentRevenueRouter on LayerZero's own EndpointV2 and SimpleMessageLib (deployed from the
/// artifacts LayerZero's package ships): every function and every revert, and a Base→Base
/// round trip whose far side is LayerZero's OFT and OApp code.
contract AgentRevenueRouterTest is LzTestBase {
    using OptionsBuilder for bytes;

    uint32 constant BASE = 30184;
    /// The far side stands in for Solana: the same eid the router is built for.
    uint32 constant SOLANA = 30168;

    ILayerZeroEndpointV2 endpointA;
    ILayerZeroEndpointV2 endpointB;
    ISimpleMessageLib libA;
    ISimpleMessageLib libB;
    MockVirtual virtualToken;
    VirtualOFTAdapter adapter;
    RemoteVirtualOFT remoteOft;
    RemoteStore store;
    AgentRevenueRouter router;

    address taxManager = makeAddr("taxManager");
    address agent = makeAddr("agentToken");
    address stranger = makeAddr("stranger");
    bytes32 agentMint = bytes32(uint256(0xA6E7));
    bytes32 virtualMint = bytes32(uint256(0x7171));

    function setUp() public {
        (endpointA, libA) = _endpoint(BASE, SOLANA);
        (endpointB, libB) = _endpoint(SOLANA, BASE);
        virtualToken = new MockVirtual();
        adapter = new VirtualOFTAdapter(address(virtualToken), address(endpointA), owner);
        remoteOft = new RemoteVirtualOFT(address(endpointB), owner);
        store = new RemoteStore(address(endpointB), owner);
        router = new AgentRevenueRouter(address(endpointA), owner, SOLANA);
        adapter.setPeer(SOLANA, _b32(address(remoteOft)));
        remoteOft.setPeer(BASE, _b32(address(adapter)));
        store.setPeer(BASE, _b32(address(router)));
        router.setPeer(SOLANA, _b32(address(store)));
        router.setSolanaStore(_b32(address(store)));
        router.linkAgent(agent, agentMint);
        router.setFeeToken(address(virtualToken), virtualMint, IOFT(address(adapter)), true);
        router.setReporter(taxManager, true);
        virtualToken.mint(taxManager, 1_000e18);
        vm.prank(taxManager);
        virtualToken.approve(address(router), type(uint256).max);
        vm.deal(taxManager, 10 ether);
        vm.deal(stranger, 10 ether);
    }

    /// What an executor does on the far side: verify (here the library itself, as a DVN),
    /// then deliver through the endpoint. Returns the message.
    function _deliver(bytes memory packet) internal returns (bytes memory message, bytes32 guid) {
        return _deliverAt(libB, endpointB, packet);
    }

    // ------------------------------------------------------------------ owner

    function test_owner_sets_everything_and_nobody_else_does() public {
        vm.startPrank(stranger);
        bytes memory notOwner = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger);
        vm.expectRevert(notOwner);
        router.setSolanaStore(bytes32(uint256(1)));
        vm.expectRevert(notOwner);
        router.linkAgent(agent, bytes32(uint256(2)));
        vm.expectRevert(notOwner);
        router.setFeeToken(address(virtualToken), virtualMint, IOFT(address(adapter)), false);
        vm.expectRevert(notOwner);
        router.setReporter(stranger, true);
        vm.expectRevert(notOwner);
        router.setPeer(SOLANA, bytes32(uint256(3)));
        vm.expectRevert(notOwner);
        router.setEnforcedOptions(new EnforcedOptionParam[](0));
        vm.expectRevert(notOwner);
        router.setDelegate(stranger);
        vm.stopPrank();

        vm.expectRevert(AgentRevenueRouter.InvalidSolanaKey.selector);
        router.setSolanaStore(bytes32(0));
        vm.expectRevert(AgentRevenueRouter.InvalidSolanaKey.selector);
        router.linkAgent(agent, bytes32(0));
        vm.expectRevert(AgentRevenueRouter.InvalidSolanaKey.selector);
        router.setFeeToken(address(virtualToken), bytes32(0), IOFT(address(adapter)), true);

        vm.expectEmit(address(router));
        emit AgentRevenueRouter.AgentLinked(stranger, bytes32(uint256(9)));
        router.linkAgent(stranger, bytes32(uint256(9)));
        assertEq(router.agentMintOf(stranger), bytes32(uint256(9)));
        (bytes32 mint, IOFT oft, uint8 decimals, bool enabled) = router.feeTokens(address(virtualToken));
        assertEq(mint, virtualMint);
        assertEq(address(oft), address(adapter));
        assertEq(decimals, 18, "decimals read from the token");
        assertTrue(enabled);
        assertEq(IEndpointDelegates(address(endpointA)).delegates(address(router)), owner, "the owner is the LayerZero delegate");
    }

    function test_a_token_with_fewer_than_six_decimals_is_refused() public {
        MockSixMinus t = new MockSixMinus();
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.UnsupportedDecimals.selector, address(t), uint8(5)));
        router.setFeeToken(address(t), virtualMint, IOFT(address(0)), true);
    }

    // ------------------------------------------------------------------ linkBaseAgent

    function test_link_sends_the_mint_the_creator_and_the_oft_store_to_solana() public {
        address baseAgent = makeAddr("baseAgent");
        bytes32 mint = bytes32(uint256(0xB1));
        bytes32 creator = bytes32(uint256(0xC0));
        bytes32 oftStore = bytes32(uint256(0x0F5));
        MessagingFee memory quoted = router.quoteLink(baseAgent, mint, creator, oftStore, "");
        uint256 before = address(this).balance;
        vm.recordLogs();
        vm.expectEmit(address(router));
        emit AgentRevenueRouter.AgentLinked(baseAgent, mint);
        router.linkBaseAgent{ value: quoted.nativeFee + 1 ether }(baseAgent, mint, creator, oftStore, "");
        assertEq(address(this).balance, before - quoted.nativeFee, "the excess came back");
        assertEq(router.agentMintOf(baseAgent), mint, "its fees route to the mint too");
        assertEq(router.nextMessageId(), 2, "the link took id 1");
        (bytes memory message, ) = _deliver(_packets(vm.getRecordedLogs())[0]);
        assertEq(message, router.encodeAgentLink(mint, creator, oftStore, baseAgent, 1));
        assertEq(message.length, 138);
        assertEq(store.links(0), message, "delivered as sent");
        assertEq(store.linkSenders(0), _b32(address(router)));
        // Field offsets as fee-aggregator reads them.
        assertEq(abi.encodePacked(message[0], message[1]), hex"0203");
        assertEq(bytes32(_slice(message, 2, 34)), mint);
        assertEq(bytes32(_slice(message, 34, 66)), creator);
        assertEq(bytes32(_slice(message, 66, 98)), oftStore);
        assertEq(bytes32(_slice(message, 98, 130)), _b32(baseAgent));
        assertEq(bytes8(_slice(message, 130, 138)), bytes8(uint64(1)));
    }

    function _slice(bytes memory b, uint256 from, uint256 to) internal pure returns (bytes memory out) {
        out = new bytes(to - from);
        for (uint256 i; i < out.length; i++) out[i] = b[from + i];
    }

    function test_link_refuses_a_stranger_zero_keys_and_too_little_fee() public {
        bytes32 one = bytes32(uint256(1));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        router.linkBaseAgent{ value: 1 ether }(agent, one, one, one, "");
        for (uint256 i; i < 4; i++) {
            vm.expectRevert(AgentRevenueRouter.InvalidSolanaKey.selector);
            router.linkBaseAgent{ value: 1 ether }(i == 0 ? address(0) : agent, i == 1 ? bytes32(0) : one, i == 2 ? bytes32(0) : one, i == 3 ? bytes32(0) : one, "");
        }
        MessagingFee memory fee = router.quoteLink(agent, one, one, one, "");
        vm.expectRevert(abi.encodeWithSelector(OAppSender.NotEnoughNative.selector, fee.nativeFee - 1));
        router.linkBaseAgent{ value: fee.nativeFee - 1 }(agent, one, one, one, "");
        assertEq(router.nextMessageId(), 1, "nothing was sent");
        assertEq(router.agentMintOf(agent), agentMint, "the existing link is unchanged");
    }

    receive() external payable {}

    // ------------------------------------------------------------------ depositFees

    function test_deposit_pulls_the_fees_and_records_them() public {
        vm.expectEmit(address(router));
        emit AgentRevenueRouter.FeesDeposited(agent, address(virtualToken), taxManager, 5e18, 5e18);
        vm.prank(taxManager);
        router.depositFees(agent, address(virtualToken), 5e18);
        assertEq(router.pendingFees(agent, address(virtualToken)), 5e18);
        assertEq(virtualToken.balanceOf(address(router)), 5e18);
    }

    function test_deposit_refuses_bad_input() public {
        vm.startPrank(taxManager);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.UnknownAgent.selector, stranger));
        router.depositFees(stranger, address(virtualToken), 1);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.TokenNotEnabled.selector, stranger));
        router.depositFees(agent, stranger, 1);
        vm.expectRevert(AgentRevenueRouter.ZeroAmount.selector);
        router.depositFees(agent, address(virtualToken), 0);
        vm.stopPrank();
        // Without an allowance the token refuses.
        vm.prank(stranger);
        vm.expectRevert();
        router.depositFees(agent, address(virtualToken), 1);
        assertEq(router.pendingFees(agent, address(virtualToken)), 0);
    }

    // ------------------------------------------------------------------ reportFees

    function test_report_sends_the_fee_report_in_shared_decimals_and_carries_the_dust() public {
        uint256 amount = 12.3456789e18; // 12.345678 in shared decimals, 0.0000009e18 carried
        MessagingFee memory quoted = router.quoteReport(agent, address(virtualToken), amount, 7, "");
        uint256 before = taxManager.balance;
        vm.recordLogs();
        vm.prank(taxManager);
        router.reportFees{ value: quoted.nativeFee + 1 ether }(agent, address(virtualToken), amount, 7, "");
        assertEq(taxManager.balance, before - quoted.nativeFee, "the excess came back");
        bytes[] memory packets = _packets(vm.getRecordedLogs());
        assertEq(packets.length, 1);
        (bytes memory message, ) = _deliver(packets[0]);
        assertEq(message, router.encodeFeeReport(agentMint, virtualMint, 12_345_678, 1, 7));
        assertEq(message.length, 91);
        (uint32 srcEid, bytes32 sender, uint8 version, uint8 kind, bytes32 a, bytes32 r, uint8 sd, uint64 amountSD, uint64 id, uint64 epoch) =
            store.reports(0);
        assertEq(srcEid, BASE);
        assertEq(sender, _b32(address(router)));
        assertEq(abi.encode(version, kind, a, r, sd, amountSD, id, epoch), abi.encode(uint8(2), uint8(1), agentMint, virtualMint, uint8(6), uint64(12_345_678), uint64(1), uint64(7)));
        assertEq(router.reportRemainder(agent, address(virtualToken)), 0.0000009e18);
        // The remainder joins the next report: 0.0000001e18 more makes one more unit.
        vm.recordLogs();
        vm.prank(taxManager);
        router.reportFees{ value: 1 ether }(agent, address(virtualToken), 0.0000001e18, 8, "");
        _deliver(_packets(vm.getRecordedLogs())[0]);
        (, , , , , , , uint64 second, uint64 secondId, ) = store.reports(1);
        assertEq((uint256(second) << 64) | secondId, (uint256(1) << 64) | 2, "one unit, report id 2");
        assertEq(router.reportRemainder(agent, address(virtualToken)), 0);
    }

    function test_report_refuses_bad_input() public {
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.NotReporter.selector, stranger));
        vm.prank(stranger);
        router.reportFees{ value: 1 ether }(agent, address(virtualToken), 1e18, 1, "");
        vm.startPrank(taxManager);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.UnknownAgent.selector, stranger));
        router.reportFees{ value: 1 ether }(stranger, address(virtualToken), 1e18, 1, "");
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.TokenNotEnabled.selector, stranger));
        router.reportFees{ value: 1 ether }(agent, stranger, 1e18, 1, "");
        vm.expectRevert(AgentRevenueRouter.ZeroAmount.selector);
        router.reportFees{ value: 1 ether }(agent, address(virtualToken), 0, 1, "");
        vm.expectRevert(AgentRevenueRouter.ZeroAmount.selector);
        router.reportFees{ value: 1 ether }(agent, address(virtualToken), 1e11, 1, ""); // below one shared unit
        vm.expectRevert(abi.encodeWithSelector(IOFT.AmountSDOverflowed.selector, uint256(type(uint64).max) + 1));
        router.reportFees{ value: 1 ether }(agent, address(virtualToken), (uint256(type(uint64).max) + 1) * 1e12, 1, "");
        MessagingFee memory fee = router.quoteReport(agent, address(virtualToken), 1e18, 1, "");
        vm.expectRevert(abi.encodeWithSelector(OAppSender.NotEnoughNative.selector, fee.nativeFee - 1));
        router.reportFees{ value: fee.nativeFee - 1 }(agent, address(virtualToken), 1e18, 1, "");
        vm.stopPrank();
        assertEq(router.nextMessageId(), 1, "nothing was sent");
    }

    // ------------------------------------------------------------------ bridgeFees

    function test_bridge_sends_the_pending_fees_through_the_oft_with_the_agents_compose() public {
        vm.prank(taxManager);
        router.depositFees(agent, address(virtualToken), 1.234567890123456789e18);
        (MessagingFee memory quoted, uint256 sendable) = router.quoteBridge(agent, address(virtualToken), 3, "");
        assertEq(sendable, 1.234567e18, "dust-free");
        uint256 before = stranger.balance;
        vm.recordLogs();
        vm.prank(stranger); // permissionless
        router.bridgeFees{ value: quoted.nativeFee + 0.5 ether }(agent, address(virtualToken), 3, "");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(stranger.balance, before - quoted.nativeFee, "the excess came back");
        assertEq(router.pendingFees(agent, address(virtualToken)), 0.000000890123456789e18, "the dust waits for the next bridge");
        assertEq(virtualToken.balanceOf(address(adapter)), 1.234567e18, "locked in the OFT adapter");

        // The far side: LayerZero's OFT credits the store and queues the compose ...
        bytes[] memory packets = _packets(logs);
        assertEq(packets.length, 1);
        vm.recordLogs();
        (, bytes32 guid) = _deliver(packets[0]);
        assertEq(remoteOft.balanceOf(address(store)), 1.234567e18);
        bytes memory compose = _composeSent(vm.getRecordedLogs());
        // ... and the executor runs it at the store.
        endpointB.lzCompose(address(remoteOft), address(store), guid, 0, compose, "");
        (address oft, uint64 nonce, uint32 srcEid, uint256 amountLD, bytes32 composeFrom, bytes32 a, uint64 transferId, uint64 epoch) =
            store.transfers(0);
        assertEq(oft, address(remoteOft));
        assertEq(abi.encode(nonce, srcEid, amountLD), abi.encode(uint64(1), BASE, uint256(1.234567e18)));
        assertEq(composeFrom, _b32(address(router)), "the router is composeFrom");
        assertEq(abi.encode(a, transferId, epoch), abi.encode(agentMint, uint64(1), uint64(3)));
    }

    function _composeSent(Vm.Log[] memory logs) internal pure returns (bytes memory message) {
        bytes32 topic = keccak256("ComposeSent(address,address,bytes32,uint16,bytes)");
        for (uint256 i; i < logs.length; i++) {
            if (logs[i].topics[0] == topic) (, , , , message) = abi.decode(logs[i].data, (address, address, bytes32, uint16, bytes));
        }
    }

    function test_bridge_refuses_bad_input() public {
        vm.startPrank(stranger);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.NothingToBridge.selector, agent, address(virtualToken)));
        router.bridgeFees{ value: 1 ether }(agent, address(virtualToken), 1, "");
        vm.stopPrank();
        vm.prank(taxManager);
        router.depositFees(agent, address(virtualToken), 1e11); // below one shared unit: dust only
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.NothingToBridge.selector, agent, address(virtualToken)));
        router.bridgeFees{ value: 1 ether }(agent, address(virtualToken), 1, "");
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.UnknownAgent.selector, stranger));
        router.bridgeFees{ value: 1 ether }(stranger, address(virtualToken), 1, "");
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.TokenNotEnabled.selector, stranger));
        router.bridgeFees{ value: 1 ether }(agent, stranger, 1, "");
        // A report-only token cannot be bridged; an unset store cannot be sent to.
        router.setFeeToken(address(virtualToken), virtualMint, IOFT(address(0)), true);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.NoOft.selector, address(virtualToken)));
        router.bridgeFees{ value: 1 ether }(agent, address(virtualToken), 1, "");
        AgentRevenueRouter fresh = new AgentRevenueRouter(address(endpointA), owner, SOLANA);
        fresh.linkAgent(agent, agentMint);
        fresh.setFeeToken(address(virtualToken), virtualMint, IOFT(address(adapter)), true);
        vm.expectRevert(AgentRevenueRouter.NoSolanaStore.selector);
        fresh.bridgeFees{ value: 1 ether }(agent, address(virtualToken), 1, "");
        // Not enough native fee.
        router.setFeeToken(address(virtualToken), virtualMint, IOFT(address(adapter)), true);
        vm.prank(taxManager);
        router.depositFees(agent, address(virtualToken), 1e18);
        (MessagingFee memory fee, ) = router.quoteBridge(agent, address(virtualToken), 1, "");
        vm.expectRevert(abi.encodeWithSelector(OAppSender.NotEnoughNative.selector, fee.nativeFee - 1));
        router.bridgeFees{ value: fee.nativeFee - 1 }(agent, address(virtualToken), 1, "");
        assertEq(router.pendingFees(agent, address(virtualToken)), 1e18 + 1e11, "still pending");
    }

    // ------------------------------------------------------------------ options and reentrancy

    function test_enforced_options_carry_solanas_compute_units_and_rent() public {
        // Solana's executor reads gas as compute units and value as lamports.
        bytes memory report = OptionsBuilder.newOptions().addExecutorLzReceiveOption(150_000, 890_880);
        bytes memory transfer = OptionsBuilder.newOptions().addExecutorLzReceiveOption(200_000, 960_480).addExecutorLzComposeOption(0, 120_000, 0);
        EnforcedOptionParam[] memory params = new EnforcedOptionParam[](2);
        params[0] = EnforcedOptionParam(SOLANA, router.MSG_FEE_REPORT(), report);
        params[1] = EnforcedOptionParam(SOLANA, router.MSG_VALUE_TRANSFER(), transfer);
        router.setEnforcedOptions(params);
        assertEq(router.combineOptions(SOLANA, 1, ""), report);
        assertEq(router.combineOptions(SOLANA, 2, ""), transfer);
        // A caller's extra options add to the enforced ones.
        bytes memory extra = OptionsBuilder.newOptions().addExecutorLzReceiveOption(50_000, 0);
        assertEq(router.combineOptions(SOLANA, 1, extra), bytes.concat(report, _tail(extra)));
        // Type-1/2 options are refused.
        vm.expectRevert(abi.encodeWithSelector(IOAppOptionsType3.InvalidOptions.selector, hex"0001"));
        router.combineOptions(SOLANA, 1, hex"0001");
    }

    function _tail(bytes memory b) internal pure returns (bytes memory out) {
        out = new bytes(b.length - 2);
        for (uint256 i; i < out.length; i++) out[i] = b[i + 2];
    }

    function test_a_refund_that_reenters_is_refused() public {
        Reenterer r = new Reenterer(router, address(virtualToken), agent);
        router.setReporter(address(r), true);
        vm.deal(address(r), 2 ether);
        vm.expectRevert(abi.encodeWithSelector(AgentRevenueRouter.RefundFailed.selector, address(r), 1 ether));
        r.report();
    }

    function test_peers_are_layerzero_s() public {
        assertEq(router.peers(SOLANA), _b32(address(store)));
        // Without a peer for its Solana eid, nothing is sent.
        AgentRevenueRouter other = new AgentRevenueRouter(address(endpointA), owner, 40168);
        other.linkAgent(agent, agentMint);
        other.setFeeToken(address(virtualToken), virtualMint, IOFT(address(adapter)), true);
        other.setReporter(address(this), true);
        vm.expectRevert(abi.encodeWithSelector(IOAppCore.NoPeer.selector, uint32(40168)));
        other.reportFees{ value: 1 ether }(agent, address(virtualToken), 1e18, 1, "");
    }
}

contract MockSixMinus {
    function decimals() external pure returns (uint8) {
        return 5;
    }
}

/// Reports with too much value, and on the refund tries to report again.
contract Reenterer {
    AgentRevenueRouter immutable router;
    address immutable token;
    address immutable agent;

    constructor(AgentRevenueRouter _router, address _token, address _agent) {
        (router, token, agent) = (_router, _token, _agent);
    }

    function report() external {
        uint256 fee = router.quoteReport(agent, token, 1e18, 1, "").nativeFee;
        router.reportFees{ value: fee + 1 ether }(agent, token, 1e18, 1, "");
    }

    receive() external payable {
        router.reportFees{ value: 0 }(agent, token, 1e18, 2, "");
    }
}
