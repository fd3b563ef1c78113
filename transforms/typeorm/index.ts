export { typeormTransform } from './typeorm-transform.js';
