// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";
import { ERC20 } from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import { OFTAdapter } from "@layerzerolabs/oft-evm/contracts/OFTAdapter.sol";
import { OFT } from "@layerzerolabs/oft-evm/contracts/OFT.sol";
import { OApp, Origin } from "@layerzerolabs/oapp-evm/contracts/oapp/OApp.sol";
import { ILayerZeroComposer } from "@layerzerolabs/lz-evm-protocol-v2/contracts/interfaces/ILayerZeroComposer.sol";
import { OFTComposeMsgCodec } from "@layerzerolabs/oft-evm/contracts/libs/OFTComposeMsgCodec.sol";

/// VIRTUAL on Base (18 decimals), for tests.
contract MockVirtual is ERC20 {
    constructor() ERC20("Virtual Protocol", "VIRTUAL") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// A Solana agent token as its mint is there (6 decimals), for the far side of the round trip.
contract MockAgentToken is ERC20 {
    constructor() ERC20("Smith", "SMITH") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// Stand-in for LayerZero's Solana OFT program in adapter mode (lock / unlock): its EVM twin.
contract AgentTokenAdapter is OFTAdapter {
    constructor(address _token, address _endpoint, address _owner) OFTAdapter(_token, _endpoint, _owner) Ownable(_owner) {}
}

/// VIRTUAL's OFT on Base: LayerZero's OFTAdapter (lock / unlock) over the ERC-20.
contract VirtualOFTAdapter is OFTAdapter {
    constructor(address _token, address _endpoint, address _owner) OFTAdapter(_token, _endpoint, _owner) Ownable(_owner) {}
}

/// The far side of the Base→Base round trip, on LayerZero's EVM code: an OFT that mints what
/// the adapter locked (as VIRTUAL's Solana OFT does) ...
contract RemoteVirtualOFT is OFT {
    constructor(address _endpoint, address _owner) OFT("Virtual Protocol", "VIRTUAL", _endpoint, _owner) Ownable(_owner) {}
}

/// ... and a receiver that decodes agentpad's messages as fee-aggregator does (the store):
/// fee reports through lzReceive, value transfers through lzCompose.
contract RemoteStore is OApp, ILayerZeroComposer {
    struct Report {
        uint32 srcEid;
        bytes32 sender;
        uint8 version;
        uint8 kind;
        bytes32 agentMint;
        bytes32 rewardMint;
        uint8 sharedDecimals;
        uint64 amountSD;
        uint64 reportId;
        uint64 sourceEpoch;
    }

    struct Transfer {
        address oft;
        uint64 nonce;
        uint32 srcEid;
        uint256 amountLD;
        bytes32 composeFrom;
        bytes32 agentMint;
        uint64 transferId;
        uint64 sourceEpoch;
    }

    Report[] public reports;
    Transfer[] public transfers;
    /// Agent links as they arrived (138 bytes each), with their source.
    bytes[] public links;
    bytes32[] public linkSenders;

    constructor(address _endpoint, address _owner) OApp(_endpoint, _owner) Ownable(_owner) {}

    function reportCount() external view returns (uint256) {
        return reports.length;
    }

    function transferCount() external view returns (uint256) {
        return transfers.length;
    }

    function _lzReceive(Origin calldata _origin, bytes32, bytes calldata _m, address, bytes calldata) internal override {
        if (_m.length > 1 && uint8(_m[1]) == 3) {
            require(_m.length == 138, "agent link is 138 bytes");
            links.push(_m);
            linkSenders.push(_origin.sender);
            return;
        }
        require(_m.length == 91, "fee report is 91 bytes");
        reports.push(
            Report({
                srcEid: _origin.srcEid,
                sender: _origin.sender,
                version: uint8(_m[0]),
                kind: uint8(_m[1]),
                agentMint: bytes32(_m[2:34]),
                rewardMint: bytes32(_m[34:66]),
                sharedDecimals: uint8(_m[66]),
                amountSD: uint64(bytes8(_m[67:75])),
                reportId: uint64(bytes8(_m[75:83])),
                sourceEpoch: uint64(bytes8(_m[83:91]))
            })
        );
    }

    function lzCompose(address _from, bytes32, bytes calldata _message, address, bytes calldata) external payable override {
        require(msg.sender == address(endpoint), "only the endpoint");
        bytes memory payload = OFTComposeMsgCodec.composeMsg(_message);
        require(payload.length == 50, "value transfer is 50 bytes");
        bytes32 agent;
        uint64 transferId;
        uint64 epoch;
        assembly {
            agent := mload(add(payload, 34))
            transferId := shr(192, mload(add(payload, 66)))
            epoch := shr(192, mload(add(payload, 74)))
        }
        transfers.push(
            Transfer({
                oft: _from,
                nonce: OFTComposeMsgCodec.nonce(_message),
                srcEid: OFTComposeMsgCodec.srcEid(_message),
                amountLD: OFTComposeMsgCodec.amountLD(_message),
                composeFrom: OFTComposeMsgCodec.composeFrom(_message),
                agentMint: agent,
                transferId: transferId,
                sourceEpoch: epoch
            })
        );
    }
}
