// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Vm } from "forge-std/Test.sol";
import { ILayerZeroEndpointV2, MessagingFee } from "@layerzerolabs/lz-evm-protocol-v2/contracts/interfaces/ILayerZeroEndpointV2.sol";
import { IOFT, SendParam } from "@layerzerolabs/oft-evm/contracts/interfaces/IOFT.sol";
import { Errors } from "@layerzerolabs/lz-evm-protocol-v2/contracts/libs/Errors.sol";
import { OptionsBuilder } from "@layerzerolabs/oapp-evm/contracts/oapp/libs/OptionsBuilder.sol";
import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";

import { AgentTokenOFT } from "../src/AgentTokenOFT.sol";
import { LzTestBase, ISimpleMessageLib } from "./LzTestBase.sol";
import { MockAgentToken, AgentTokenAdapter } from "./mocks/Mocks.sol";

/// A Solana agent token reaching Base and coming back, on LayerZero's EndpointV2: the far
/// side stands in for Solana's OFT program in adapter mode (LayerZero's OFTAdapter, lock /
/// unlock, over a 6-decimal token as the Solana mint is), Base runs AgentTokenOFT.
contract AgentTokenOFTTest is LzTestBase {
    using OptionsBuilder for bytes;

    uint32 constant BASE = 30184;
    uint32 constant SOLANA = 30168;

    ILayerZeroEndpointV2 baseEndpoint;
    ILayerZeroEndpointV2 solanaEndpoint;
    ISimpleMessageLib baseLib;
    ISimpleMessageLib solanaLib;
    MockAgentToken solanaMint;
    AgentTokenAdapter solanaAdapter;
    AgentTokenOFT baseToken;

    address holder = makeAddr("holder");
    address stranger = makeAddr("stranger");

    function setUp() public {
        (baseEndpoint, baseLib) = _endpoint(BASE, SOLANA);
        (solanaEndpoint, solanaLib) = _endpoint(SOLANA, BASE);
        solanaMint = new MockAgentToken();
        solanaAdapter = new AgentTokenAdapter(address(solanaMint), address(solanaEndpoint), owner);
        baseToken = new AgentTokenOFT("Smith", "SMITH", address(baseEndpoint), owner);
        solanaAdapter.setPeer(BASE, _b32(address(baseToken)));
        baseToken.setPeer(SOLANA, _b32(address(solanaAdapter)));
        solanaMint.mint(holder, 1_000_000e6);
        vm.deal(holder, 10 ether);
    }

    function _send(IOFT oft, uint32 dstEid, uint256 amountLD, uint256 minAmountLD) internal returns (bytes memory packet) {
        SendParam memory p = SendParam({
            dstEid: dstEid,
            to: _b32(holder),
            amountLD: amountLD,
            minAmountLD: minAmountLD,
            extraOptions: OptionsBuilder.newOptions().addExecutorLzReceiveOption(80_000, 0),
            composeMsg: "",
            oftCmd: ""
        });
        MessagingFee memory fee = oft.quoteSend(p, false);
        vm.recordLogs();
        vm.prank(holder);
        oft.send{ value: fee.nativeFee }(p, fee, holder);
        bytes[] memory packets = _packets(vm.getRecordedLogs());
        assertEq(packets.length, 1);
        return packets[0];
    }

    function test_round_trip_solana_to_base_and_back_keeps_the_supply_backed() public {
        assertEq(baseToken.decimals(), 18);
        assertEq(baseToken.sharedDecimals(), 6);
        // Solana → Base: locked in the adapter, minted on Base (6 → 18 decimals).
        vm.prank(holder);
        solanaMint.approve(address(solanaAdapter), 250_000e6);
        bytes memory out = _send(IOFT(address(solanaAdapter)), BASE, 250_000e6, 250_000e6);
        assertEq(solanaMint.balanceOf(address(solanaAdapter)), 250_000e6, "locked on Solana");
        _deliverAt(baseLib, baseEndpoint, out);
        assertEq(baseToken.balanceOf(holder), 250_000e18, "minted on Base");
        assertEq(baseToken.totalSupply() / 1e12, solanaMint.balanceOf(address(solanaAdapter)), "Base supply = locked on Solana");

        // Base → Solana: burnt on Base, unlocked on Solana. Dust below 1e-6 stays with the holder.
        bytes memory back = _send(IOFT(address(baseToken)), SOLANA, 100_000e18 + 123, 100_000e18);
        assertEq(baseToken.balanceOf(holder), 150_000e18, "100,000 burnt: the dust below 1e-6 was neither sent nor burnt");
        _deliverAt(solanaLib, solanaEndpoint, back);
        assertEq(solanaMint.balanceOf(holder), 850_000e6, "unlocked on Solana");
        assertEq(solanaMint.balanceOf(address(solanaAdapter)), 150_000e6);
        assertEq(baseToken.totalSupply() / 1e12, solanaMint.balanceOf(address(solanaAdapter)), "still backed one for one (the unsent dust aside)");
    }

    function test_only_the_owner_sets_peers_and_a_packet_from_a_non_peer_is_refused() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        baseToken.setPeer(SOLANA, _b32(stranger));
        // A second adapter on "Solana" that Base does not know.
        AgentTokenAdapter rogue = new AgentTokenAdapter(address(solanaMint), address(solanaEndpoint), owner);
        rogue.setPeer(BASE, _b32(address(baseToken)));
        vm.prank(holder);
        solanaMint.approve(address(rogue), 1e6);
        SendParam memory p = SendParam(BASE, _b32(holder), 1e6, 1e6, OptionsBuilder.newOptions().addExecutorLzReceiveOption(80_000, 0), "", "");
        MessagingFee memory fee = rogue.quoteSend(p, false);
        vm.recordLogs();
        vm.prank(holder);
        rogue.send{ value: fee.nativeFee }(p, fee, holder);
        bytes memory packet = _packets(vm.getRecordedLogs())[0];
        // The endpoint asks the OFT whether the path may open (its peer for SOLANA): it may not,
        // so the packet cannot even be verified, let alone delivered.
        vm.expectRevert(Errors.LZ_PathNotInitializable.selector);
        baseLib.validatePacket(packet);
        assertEq(baseToken.totalSupply(), 0, "nothing minted");
    }
}
