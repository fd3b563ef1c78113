export { knexTransform } from './knex-transform.js';
