export { sqlStringsTransform } from './sql-strings-transform.js';
export { findFollowedRowTypes, findTypeArgumentNames } from './followed-row-types.js';
