export { datasetReferencesTransform } from './dataset-references-transform.js';
