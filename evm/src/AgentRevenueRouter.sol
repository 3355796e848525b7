// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";
import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import { IERC20Metadata } from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import { SafeERC20 } from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import { ReentrancyGuard } from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import { OAppCore } from "@layerzerolabs/oapp-evm/contracts/oapp/OAppCore.sol";
import { OAppSender, MessagingFee, MessagingReceipt } from "@layerzerolabs/oapp-evm/contracts/oapp/OAppSender.sol";
import { OAppOptionsType3 } from "@layerzerolabs/oapp-evm/contracts/oapp/libs/OAppOptionsType3.sol";
import { IOFT, SendParam, OFTReceipt } from "@layerzerolabs/oft-evm/contracts/interfaces/IOFT.sol";

/// @title AgentRevenueRouter
/// @notice agentpad on Base: routes the fees an agent earns on Base to the agent's fee vault
/// on Solana, over LayerZero V2.
///
/// - Fees **kept** on Base are reported (`reportFees`): a plain OApp message to agentpad's
///   fee-aggregator on Solana, which records them per chain as statistics.
/// - Fees **moved** to Solana are first collected here (`depositFees`, e.g. by the agent's
///   tax manager) and then bridged (`bridgeFees`, permissionless): an OFT send of the token
///   to the fee-aggregator's store on Solana, with a compose message naming the agent, so the
///   tokens land in that agent's vault. This contract is the send's caller, so it is the
///   compose's `composeFrom`, which fee-aggregator checks against its peer for Base.
///
/// - A Base agent token that lives on Solana as an OFT is **linked** there (`linkBaseAgent`,
///   owner only): a message naming its Solana mint, the creator who may register it as an
///   agent, and the OFT store that mints it. fee-aggregator records it; agent-factory's
///   `register_bridged_agent` accepts only that creator, for that mint.
///
/// Amounts leave in LayerZero's shared decimals (6), converted here from each token's own
/// decimals; what does not convert (dust) stays for the next report or bridge, never lost.
/// Each message carries a fresh id, unique on this chain.
contract AgentRevenueRouter is OAppSender, OAppOptionsType3, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// Shared decimals of every amount sent to Solana (LayerZero's OFT default).
    uint8 public constant SHARED_DECIMALS = 6;
    /// agentpad's bridge message version and kinds (docs/bridge-messages.md).
    uint8 public constant MESSAGE_VERSION = 2;
    uint8 public constant KIND_FEE_REPORT = 1;
    uint8 public constant KIND_VALUE_TRANSFER = 2;
    uint8 public constant KIND_AGENT_LINK = 3;
    /// Message types for enforced options: a fee report (this OApp's message), and the OFT
    /// send of a value transfer (its options are this contract's too: the compose is ours).
    uint16 public constant MSG_FEE_REPORT = 1;
    uint16 public constant MSG_VALUE_TRANSFER = 2;
    uint16 public constant MSG_AGENT_LINK = 3;

    /// A fee token: the ERC-20 on Base, its mint on Solana, and the OFT that bridges it (the
    /// zero address for a token whose fees are only reported).
    struct FeeToken {
        bytes32 solanaMint;
        IOFT oft;
        uint8 decimals;
        bool enabled;
    }

    /// LayerZero endpoint id of Solana (30168 mainnet, 40168 devnet).
    uint32 public immutable solanaEid;
    /// fee-aggregator's store PDA on Solana: the OFT's recipient and the compose's target.
    bytes32 public solanaStore;
    /// The Solana agent mint of each Base agent token.
    mapping(address agent => bytes32 solanaMint) public agentMintOf;
    mapping(address token => FeeToken) public feeTokens;
    /// Who may report fees (e.g. the tax manager).
    mapping(address reporter => bool) public reporters;
    /// Deposited fees waiting to be bridged, in the token's units.
    mapping(address agent => mapping(address token => uint256)) public pendingFees;
    /// Reported fees below one shared-decimal unit, carried into the next report.
    mapping(address agent => mapping(address token => uint256)) public reportRemainder;
    /// The id of the next report, transfer or link.
    uint64 public nextMessageId = 1;

    event SolanaStoreSet(bytes32 store);
    event AgentLinked(address indexed agent, bytes32 solanaMint);
    event AgentLinkSent(address indexed agent, bytes32 solanaMint, bytes32 creator, bytes32 oftStore, uint64 linkId, bytes32 guid);
    event FeeTokenSet(address indexed token, bytes32 solanaMint, address oft, uint8 decimals, bool enabled);
    event ReporterSet(address indexed reporter, bool allowed);
    event FeesDeposited(address indexed agent, address indexed token, address indexed from, uint256 amount, uint256 pending);
    event FeesReported(
        address indexed agent, address indexed token, uint64 reportId, uint64 amountSD, uint64 sourceEpoch, bytes32 guid
    );
    event FeesBridged(
        address indexed agent, address indexed token, uint64 transferId, uint256 amountLD, uint256 pendingLeft, bytes32 guid
    );

    error UnknownAgent(address agent);
    error TokenNotEnabled(address token);
    error NoOft(address token);
    error NotReporter(address caller);
    error NoSolanaStore();
    error ZeroAmount();
    error NothingToBridge(address agent, address token);
    error UnsupportedDecimals(address token, uint8 decimals);
    error InvalidSolanaKey();
    error RefundFailed(address to, uint256 amount);

    /// @param _endpoint LayerZero's EndpointV2 on this chain.
    /// @param _owner owner and LayerZero delegate (a multisig in production).
    /// @param _solanaEid the Solana endpoint id messages go to.
    constructor(address _endpoint, address _owner, uint32 _solanaEid) OAppCore(_endpoint, _owner) Ownable(_owner) {
        solanaEid = _solanaEid;
    }

    // ------------------------------------------------------------------ owner

    function setSolanaStore(bytes32 _store) external onlyOwner {
        if (_store == bytes32(0)) revert InvalidSolanaKey();
        solanaStore = _store;
        emit SolanaStoreSet(_store);
    }

    /// Links a Base agent token to its agent mint on Solana.
    function linkAgent(address _agent, bytes32 _solanaMint) external onlyOwner {
        if (_solanaMint == bytes32(0)) revert InvalidSolanaKey();
        agentMintOf[_agent] = _solanaMint;
        emit AgentLinked(_agent, _solanaMint);
    }

    /// Links a Base agent token whose Solana side is an OFT mint, and sends the link to Solana:
    /// `_creator` alone may register `_solanaMint` as an agent there, and only while the
    /// mint's authority is `_oftStore` (the Solana OFT this token's OFT is peered with). A
    /// later link replaces an earlier one. Excess native fee is refunded to the caller.
    function linkBaseAgent(address _agent, bytes32 _solanaMint, bytes32 _creator, bytes32 _oftStore, bytes calldata _extraOptions)
        external
        payable
        onlyOwner
        nonReentrant
        returns (MessagingReceipt memory receipt)
    {
        if (_agent == address(0) || _solanaMint == bytes32(0) || _creator == bytes32(0) || _oftStore == bytes32(0)) revert InvalidSolanaKey();
        uint64 linkId = nextMessageId;
        nextMessageId = linkId + 1;
        agentMintOf[_agent] = _solanaMint;
        emit AgentLinked(_agent, _solanaMint);
        bytes memory message = encodeAgentLink(_solanaMint, _creator, _oftStore, _agent, linkId);
        bytes memory options = combineOptions(solanaEid, MSG_AGENT_LINK, _extraOptions);
        MessagingFee memory fee = _quote(solanaEid, message, options, false);
        receipt = _lzSend(solanaEid, message, options, fee, msg.sender);
        emit AgentLinkSent(_agent, _solanaMint, _creator, _oftStore, linkId, receipt.guid);
        _refund(fee.nativeFee);
    }

    /// Enables (or disables) a fee token: its Solana mint and the OFT that bridges it (zero
    /// for report-only). Its decimals are read here: amounts are converted with them.
    function setFeeToken(address _token, bytes32 _solanaMint, IOFT _oft, bool _enabled) external onlyOwner {
        if (_solanaMint == bytes32(0)) revert InvalidSolanaKey();
        uint8 decimals = IERC20Metadata(_token).decimals();
        if (decimals < SHARED_DECIMALS || decimals > 36) revert UnsupportedDecimals(_token, decimals);
        feeTokens[_token] = FeeToken({ solanaMint: _solanaMint, oft: _oft, decimals: decimals, enabled: _enabled });
        emit FeeTokenSet(_token, _solanaMint, address(_oft), decimals, _enabled);
    }

    function setReporter(address _reporter, bool _allowed) external onlyOwner {
        reporters[_reporter] = _allowed;
        emit ReporterSet(_reporter, _allowed);
    }

    // ------------------------------------------------------------------ fees

    /// Pulls `_amount` of `_token` from the caller as `_agent`'s fees, to be bridged.
    function depositFees(address _agent, address _token, uint256 _amount) external nonReentrant {
        _requireAgent(_agent);
        _requireToken(_token);
        if (_amount == 0) revert ZeroAmount();
        uint256 pending = pendingFees[_agent][_token] + _amount;
        pendingFees[_agent][_token] = pending;
        IERC20(_token).safeTransferFrom(msg.sender, address(this), _amount);
        emit FeesDeposited(_agent, _token, msg.sender, _amount, pending);
    }

    /// Reports `_amountLD` of `_token` (its own decimals) earned by `_agent` and kept on Base,
    /// for `_sourceEpoch` (the period it covers). Excess native fee is refunded to the caller.
    function reportFees(
        address _agent,
        address _token,
        uint256 _amountLD,
        uint64 _sourceEpoch,
        bytes calldata _extraOptions
    ) external payable nonReentrant returns (MessagingReceipt memory receipt) {
        if (!reporters[msg.sender]) revert NotReporter(msg.sender);
        (bytes memory message, uint64 reportId, uint64 amountSD, uint256 remainder) = _reportMessage(_agent, _token, _amountLD, _sourceEpoch);
        reportRemainder[_agent][_token] = remainder;
        nextMessageId = reportId + 1;
        bytes memory options = combineOptions(solanaEid, MSG_FEE_REPORT, _extraOptions);
        MessagingFee memory fee = _quote(solanaEid, message, options, false);
        receipt = _lzSend(solanaEid, message, options, fee, msg.sender);
        emit FeesReported(_agent, _token, reportId, amountSD, _sourceEpoch, receipt.guid);
        _refund(fee.nativeFee);
    }

    /// Sends `_agent`'s pending `_token` fees to its vault on Solana through the token's OFT.
    /// Anyone may call it (and pays the LayerZero fee; the excess is refunded).
    function bridgeFees(
        address _agent,
        address _token,
        uint64 _sourceEpoch,
        bytes calldata _extraOptions
    ) external payable nonReentrant returns (MessagingReceipt memory receipt, OFTReceipt memory oftReceipt) {
        uint64 transferId = nextMessageId;
        (SendParam memory param, uint256 amountLD) = _bridgeParam(_agent, _token, _sourceEpoch, _extraOptions);
        IOFT oft = feeTokens[_token].oft;
        uint256 left = pendingFees[_agent][_token] - amountLD;
        pendingFees[_agent][_token] = left;
        nextMessageId = transferId + 1;
        MessagingFee memory fee = oft.quoteSend(param, false);
        if (msg.value < fee.nativeFee) revert NotEnoughNative(msg.value);
        if (oft.approvalRequired()) IERC20(_token).forceApprove(address(oft), amountLD);
        (receipt, oftReceipt) = oft.send{ value: fee.nativeFee }(param, fee, msg.sender);
        emit FeesBridged(_agent, _token, transferId, amountLD, left, receipt.guid);
        _refund(fee.nativeFee);
    }

    // ------------------------------------------------------------------ quotes

    /// The native fee `reportFees` would take for these arguments.
    function quoteReport(
        address _agent,
        address _token,
        uint256 _amountLD,
        uint64 _sourceEpoch,
        bytes calldata _extraOptions
    ) external view returns (MessagingFee memory) {
        (bytes memory message, , , ) = _reportMessage(_agent, _token, _amountLD, _sourceEpoch);
        return _quote(solanaEid, message, combineOptions(solanaEid, MSG_FEE_REPORT, _extraOptions), false);
    }

    /// The native fee `linkBaseAgent` would take for these arguments.
    function quoteLink(address _agent, bytes32 _solanaMint, bytes32 _creator, bytes32 _oftStore, bytes calldata _extraOptions)
        external
        view
        returns (MessagingFee memory)
    {
        bytes memory message = encodeAgentLink(_solanaMint, _creator, _oftStore, _agent, nextMessageId);
        return _quote(solanaEid, message, combineOptions(solanaEid, MSG_AGENT_LINK, _extraOptions), false);
    }

    /// The native fee `bridgeFees` would take now, and the amount it would send.
    function quoteBridge(
        address _agent,
        address _token,
        uint64 _sourceEpoch,
        bytes calldata _extraOptions
    ) external view returns (MessagingFee memory fee, uint256 amountLD) {
        SendParam memory param;
        (param, amountLD) = _bridgeParam(_agent, _token, _sourceEpoch, _extraOptions);
        fee = feeTokens[_token].oft.quoteSend(param, false);
    }

    // ------------------------------------------------------------------ encoding

    /// A fee report as fee-aggregator decodes it: version, kind, agent mint, reward mint,
    /// shared decimals, amount (shared decimals), report id, source epoch (91 bytes).
    function encodeFeeReport(bytes32 _agentMint, bytes32 _rewardMint, uint64 _amountSD, uint64 _reportId, uint64 _sourceEpoch)
        public
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(
            MESSAGE_VERSION, KIND_FEE_REPORT, _agentMint, _rewardMint, SHARED_DECIMALS, _amountSD, _reportId, _sourceEpoch
        );
    }

    /// A value transfer's compose message: version, kind, agent mint, transfer id, source
    /// epoch (50 bytes). The amount is what the OFT delivers.
    function encodeValueTransfer(bytes32 _agentMint, uint64 _transferId, uint64 _sourceEpoch) public pure returns (bytes memory) {
        return abi.encodePacked(MESSAGE_VERSION, KIND_VALUE_TRANSFER, _agentMint, _transferId, _sourceEpoch);
    }

    /// An agent link as fee-aggregator decodes it: version, kind, Solana mint, creator, OFT
    /// store, the Base token (left-padded), link id (138 bytes).
    function encodeAgentLink(bytes32 _solanaMint, bytes32 _creator, bytes32 _oftStore, address _token, uint64 _linkId)
        public
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(
            MESSAGE_VERSION, KIND_AGENT_LINK, _solanaMint, _creator, _oftStore, bytes32(uint256(uint160(_token))), _linkId
        );
    }

    /// `_amountLD` of a token with `_decimals`, in shared decimals, and what does not convert.
    function toShared(uint256 _amountLD, uint8 _decimals) public pure returns (uint64 amountSD, uint256 remainder) {
        uint256 rate = 10 ** (_decimals - SHARED_DECIMALS);
        uint256 sd = _amountLD / rate;
        if (sd > type(uint64).max) revert IOFT.AmountSDOverflowed(sd);
        // casting to 'uint64' is safe because sd was checked against its maximum just above
        // forge-lint: disable-next-line(unsafe-typecast)
        return (uint64(sd), _amountLD % rate);
    }

    // ------------------------------------------------------------------ internals

    function _reportMessage(address _agent, address _token, uint256 _amountLD, uint64 _sourceEpoch)
        internal
        view
        returns (bytes memory message, uint64 reportId, uint64 amountSD, uint256 remainder)
    {
        bytes32 agentMint = _requireAgent(_agent);
        FeeToken memory t = _requireToken(_token);
        if (_amountLD == 0) revert ZeroAmount();
        (amountSD, remainder) = toShared(_amountLD + reportRemainder[_agent][_token], t.decimals);
        if (amountSD == 0) revert ZeroAmount();
        reportId = nextMessageId;
        message = encodeFeeReport(agentMint, t.solanaMint, amountSD, reportId, _sourceEpoch);
    }

    function _bridgeParam(address _agent, address _token, uint64 _sourceEpoch, bytes calldata _extraOptions)
        internal
        view
        returns (SendParam memory param, uint256 amountLD)
    {
        bytes32 agentMint = _requireAgent(_agent);
        FeeToken memory t = _requireToken(_token);
        if (address(t.oft) == address(0)) revert NoOft(_token);
        if (solanaStore == bytes32(0)) revert NoSolanaStore();
        uint256 rate = 10 ** (t.decimals - SHARED_DECIMALS);
        uint256 pending = pendingFees[_agent][_token];
        amountLD = pending - (pending % rate);
        if (amountLD == 0) revert NothingToBridge(_agent, _token);
        param = SendParam({
            dstEid: solanaEid,
            to: solanaStore,
            amountLD: amountLD,
            minAmountLD: amountLD,
            extraOptions: combineOptions(solanaEid, MSG_VALUE_TRANSFER, _extraOptions),
            composeMsg: encodeValueTransfer(agentMint, nextMessageId, _sourceEpoch),
            oftCmd: ""
        });
    }

    function _requireAgent(address _agent) internal view returns (bytes32 mint) {
        mint = agentMintOf[_agent];
        if (mint == bytes32(0)) revert UnknownAgent(_agent);
    }

    function _requireToken(address _token) internal view returns (FeeToken memory t) {
        t = feeTokens[_token];
        if (!t.enabled) revert TokenNotEnabled(_token);
    }

    /// The endpoint takes exactly the quoted fee; what the caller sent beyond it is refunded
    /// at the end (OAppSender's default refuses any excess).
    function _payNative(uint256 _nativeFee) internal view override returns (uint256) {
        if (msg.value < _nativeFee) revert NotEnoughNative(msg.value);
        return _nativeFee;
    }

    function _refund(uint256 _used) internal {
        uint256 excess = msg.value - _used;
        if (excess == 0) return;
        (bool ok, ) = msg.sender.call{ value: excess }("");
        if (!ok) revert RefundFailed(msg.sender, excess);
    }
}
