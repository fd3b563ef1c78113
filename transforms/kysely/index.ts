export { kyselyTransform } from './kysely-transform.js';
