// The bundle file as the rest of the app uses it: write one, or read and verify one.
// The format is specified in docs/bundle-format.md.
export { writeBundle } from './bundleWriter.js';
export type { BundleHeaderFields, WriteBundleOptions, WrittenBundle } from './bundleWriter.js';
export { readAndVerifyBundle, verifyBundle } from './bundleReader.js';
export type { ReadBundleOptions, TrustedSigner, VerifiedBundle } from './bundleReader.js';
export { readPayloadLines, DEFAULT_BUNDLE_LIMITS } from './payloadLines.js';
export type { BundleLimits, VerifiedPayload } from './payloadLines.js';
export { BUNDLE_FILES, BUNDLE_JSON, JOURNAL_FILE, SIGNATURE_FILE } from './bundleNames.js';
export type { BundleHeader, BundleDirection } from './bundleHeader.js';
export { BundleRejectedError, BUNDLE_REJECT_REASONS } from './rejection.js';
export type { BundleRejection, BundleRejectReason, Verdict } from './rejection.js';
