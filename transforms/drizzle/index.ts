export { drizzleTransform } from './drizzle-transform.js';
