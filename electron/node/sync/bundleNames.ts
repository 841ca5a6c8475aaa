// The files of a format 1 bundle (docs/bundle-format.md): exactly these, no others.
import { BAGIT_TXT, BAG_INFO_TXT, MANIFEST, TAG_MANIFEST } from './bagit.js';

export const BUNDLE_JSON = 'bundle.json';
export const JOURNAL_FILE = 'data/journal.ndjson';
export const SIGNATURE_FILE = `${TAG_MANIFEST}.p7s`;

export const BUNDLE_FILES = [BAGIT_TXT, BAG_INFO_TXT, BUNDLE_JSON, JOURNAL_FILE, MANIFEST, TAG_MANIFEST, SIGNATURE_FILE] as const;

/** What the tag manifest lists: every tag file but itself and the signature over it. */
export const TAG_MANIFEST_ENTRIES = [BAGIT_TXT, BAG_INFO_TXT, BUNDLE_JSON, MANIFEST] as const;
