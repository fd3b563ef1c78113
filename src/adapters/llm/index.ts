export type { LlmClientOptions, LlmSettings } from './create-llm-client.js';
export { createLlmClient } from './create-llm-client.js';
export type { LlmErrorCode } from './llm-error.js';
export { LlmError } from './llm-error.js';
