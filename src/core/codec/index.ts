/**
 * The codec: share links (`#v1.…`: topology, scenario, view and lesson step in the URL fragment)
 * and topology files (pretty JSON), with size caps, named migrations and typed bilingual errors.
 * See docs/share-links.md for the format.
 * Contract: pure; no DOM, no React.
 */
export { encodeShare, decodeShare, SHARE_VERSION, LINK_LIMITS } from './share';
export { encodeTopologyJson, decodeTopologyJson, JSON_LIMITS } from './json';
export {
  DECODE_ERROR_CODES,
  describeError,
  type DecodeError,
  type DecodeErrorCode,
  type DecodeResult,
} from './errors';
export { MIGRATIONS, type Migration } from './migrations';
export { VIEW_LIMITS, type ShareDoc, type ShareLesson, type ShareView } from './types';
export { V1_GRID as SHARE_GRID } from './v1/tables';
