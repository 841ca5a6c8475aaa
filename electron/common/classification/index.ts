// Public surface of the classification model. Marking functions live in marking.ts.
export * from './model.js';
export { bannerMarking, portionMarking, highestClassification, bannerColours, levelBannerMarking } from './marking.js';
export * from './countries.js';
