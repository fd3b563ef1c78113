export { rowTypesTransform } from './row-types-transform.js';
