export { changeSetSchema } from '../../src/entrypoints/cli/commands/change-set-schema.js';
