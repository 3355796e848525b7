// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";
import { OFT } from "@layerzerolabs/oft-evm/contracts/OFT.sol";

/// @title AgentTokenOFT
/// @notice A Solana agent token on Base: LayerZero's OFT, minting what arrives from Solana and
/// burning what leaves for it. On Solana the token goes through LayerZero's OFT program in
/// adapter mode (lock / unlock): the agent mint has no mint authority left to give, so the
/// supply on Base is always backed one for one by tokens locked on Solana.
///
/// 18 decimals here, 6 on Solana; amounts travel in LayerZero's shared decimals (6), so
/// nothing is lost either way (the OFT removes the dust below 1e-6 before sending).
contract AgentTokenOFT is OFT {
    /// @param _name, _symbol the agent token's, as on Solana.
    /// @param _endpoint LayerZero's EndpointV2 on this chain.
    /// @param _owner owner and LayerZero delegate (sets the Solana peer: the OFT store).
    constructor(string memory _name, string memory _symbol, address _endpoint, address _owner)
        OFT(_name, _symbol, _endpoint, _owner)
        Ownable(_owner)
    {}
}
