export { enumValuesTransform } from './enum-values-transform.js';
