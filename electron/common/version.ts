/** Kept equal to package.json's version (a test checks it); recorded in journals and bundles. */
export const APP_VERSION = '0.1.0';
