export { typeChangesTransform } from './type-changes-transform.js';
