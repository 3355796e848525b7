/**
 * @agentpad/sdk/testing — stand-ins for tests, not for clusters: the LayerZero endpoint and
 * OFT mock programs' instructions, and LiteSVM running the programs in-process (`litesvm`
 * is an optional peer dependency: install it with the tests that use it).
 */
export * as lzEndpointMock from "./lzEndpointMock.js";
export { LiteSvmBackend } from "./backend/litesvm.js";
