export { sqlFilesTransform } from './sql-files-transform.js';
