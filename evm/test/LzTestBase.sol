// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Test, Vm } from "forge-std/Test.sol";
import { ILayerZeroEndpointV2, Origin } from "@layerzerolabs/lz-evm-protocol-v2/contracts/interfaces/ILayerZeroEndpointV2.sol";

interface ISimpleMessageLib {
    function validatePacket(bytes calldata packet) external;
    function setMessagingFee(uint256 nativeFee, uint256 lzTokenFee) external;
}

/// Two chains on LayerZero's own EndpointV2 and SimpleMessageLib (deployed from the artifacts
/// LayerZero's package ships), and what an executor does between them.
abstract contract LzTestBase is Test {
    string constant ARTIFACTS = "node_modules/@layerzerolabs/lz-evm-protocol-v2/artifacts/contracts/";
    address owner = address(this);

    function _endpoint(uint32 eid, uint32 remote) internal returns (ILayerZeroEndpointV2 ep, ISimpleMessageLib lib) {
        ep = ILayerZeroEndpointV2(deployCode(string.concat(ARTIFACTS, "EndpointV2.sol/EndpointV2.json"), abi.encode(eid, owner)));
        lib = ISimpleMessageLib(
            deployCode(string.concat(ARTIFACTS, "messagelib/SimpleMessageLib.sol/SimpleMessageLib.json"), abi.encode(address(ep), owner))
        );
        ep.registerLibrary(address(lib));
        ep.setDefaultSendLibrary(remote, address(lib));
        ep.setDefaultReceiveLibrary(remote, address(lib), 0);
    }

    function _b32(address a) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(a)));
    }

    /// The PacketSent events of the recorded logs (LayerZero's endpoint encodes them).
    function _packets(Vm.Log[] memory logs) internal pure returns (bytes[] memory out) {
        bytes32 topic = keccak256("PacketSent(bytes,bytes,address)");
        uint256 n;
        for (uint256 i; i < logs.length; i++) if (logs[i].topics[0] == topic) n++;
        out = new bytes[](n);
        n = 0;
        for (uint256 i; i < logs.length; i++) {
            if (logs[i].topics[0] == topic) (out[n++], , ) = abi.decode(logs[i].data, (bytes, bytes, address));
        }
    }

    /// What an executor does on the receiving side: verify (here the library itself, as a
    /// DVN), then deliver through the endpoint. Returns the message.
    function _deliverAt(ISimpleMessageLib lib, ILayerZeroEndpointV2 ep, bytes memory packet) internal returns (bytes memory message, bytes32 guid) {
        lib.validatePacket(packet);
        (Origin memory origin, address receiver, bytes32 g, bytes memory m) = _decode(packet);
        ep.lzReceive(origin, receiver, g, m, "");
        return (m, g);
    }

    /// PacketV1Codec: version(1) nonce(8) srcEid(4) sender(32) dstEid(4) receiver(32) guid(32) message.
    function _decode(bytes memory p) internal pure returns (Origin memory origin, address receiver, bytes32 guid, bytes memory message) {
        uint64 nonce;
        uint32 srcEid;
        bytes32 sender;
        bytes32 recv;
        assembly {
            nonce := shr(192, mload(add(p, 33)))
            srcEid := shr(224, mload(add(p, 41)))
            sender := mload(add(p, 45))
            recv := mload(add(p, 81))
            guid := mload(add(p, 113))
        }
        origin = Origin(srcEid, sender, nonce);
        receiver = address(uint160(uint256(recv)));
        message = new bytes(p.length - 113);
        for (uint256 i; i < message.length; i++) message[i] = p[113 + i];
    }

}
