import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { SandboxValidator, ValidationSubject } from '../../src/sandbox/index.js';

// The fidelity oracle for end-to-end tests: GitHub's own OpenAPI descriptions (REST 3.0.3 from
// @octokit/openapi, webhooks 3.1 from @octokit/openapi-webhooks), with the three known defects of
// the REST document patched at load (reference/sandbox-and-codemod-costs.md §1a). Documents are
// parsed once and validators compiled lazily, once per test process.

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; its plugin is both module.exports and module.exports.default.
const addFormats = ajvFormats.default;

type JsonObject = Record<string, unknown>;

type Operation = { method: string; path: string; node: JsonObject };
type Loaded = {
  rest: Ajv;
  webhooks: Ajv2020;
  operations: Map<string, Operation>;
  restDoc: JsonObject;
  webhookDoc: JsonObject;
  compiled: Map<string, ValidateFunction | undefined>;
};

let loaded: Loaded | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(specifier: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
  if (!isObject(parsed)) throw new Error(`${specifier} is not a JSON object`);
  return parsed;
}

function asSchema(value: unknown): AnySchema {
  if (!isObject(value) && typeof value !== 'boolean') throw new Error('not a JSON schema');
  return value;
}

/**
 * Makes GitHub's OpenAPI 3.0 schemas mean what GitHub sends:
 * - `nullable`: with a `type`, widen the type (and an enum) to admit null; without one (135
 *   sites, which Ajv refuses to compile), wrap the schema in `anyOf [schema, null]`;
 * - `oneOf` → `anyOf`: GitHub lists alternative shapes whose branches overlap (a 409 is both a
 *   `basic-error` and a `repository-rule-violation-error`), so "exactly one" fails real responses.
 */
function patchSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(patchSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key === 'oneOf' ? 'anyOf' : key] = patchSchema(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * `pull-request-simple` (pulls/list, request-reviewers) declares a label's `description` as a plain
 * string, while `pull-request` and `label` declare it nullable — and GitHub sends null for a label
 * without one (labels that adding them to a PR created). Align the one inconsistent schema.
 */
function patchLabelDescriptions(components: unknown): unknown {
  if (!isObject(components) || !isObject(components.schemas)) return components ?? {};
  const simple = components.schemas['pull-request-simple'];
  const labels = isObject(simple) && isObject(simple.properties) ? simple.properties.labels : undefined;
  const items = isObject(labels) ? labels.items : undefined;
  const description = isObject(items) && isObject(items.properties) ? items.properties.description : undefined;
  if (isObject(description) && description.type === 'string') description.nullable = true;
  return components;
}

/** Points `#/components/...` references at the registered document, so inline schemas compile alone. */
function retarget(node: unknown, documentId: string): unknown {
  if (Array.isArray(node)) return node.map((item) => retarget(item, documentId));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${documentId}${value}` : retarget(value, documentId);
  }
  return out;
}

function load(): Loaded {
  if (loaded !== undefined) return loaded;
  const restDoc = readJson('@octokit/openapi/generated/api.github.com.json');
  const webhookDoc = readJson('@octokit/openapi-webhooks/generated/api.github.com.json');
  // inlineRefs off: each referenced component (pull-request, repository, simple-user…) compiles
  // once and is shared by every validator that uses it, which halves compile time here.
  const rest = new Ajv({ strict: false, allErrors: true, inlineRefs: false, validateSchema: false, logger: false });
  const webhooks = new Ajv2020({ strict: false, allErrors: true, inlineRefs: false, validateSchema: false, logger: false });
  for (const ajv of [rest, webhooks]) {
    addFormats(ajv);
    // Formats GitHub's description uses that no JSON Schema vocabulary defines.
    ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
    ajv.addFormat('timestamp', true);
    // GitHub's own bot addresses (`41898282+github-actions[bot]@users.noreply.github.com`) fail
    // RFC 5322's strict form that ajv-formats checks; GitHub sends them under `format: email`.
    ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  }
  rest.addSchema({ $id: 'gh', components: patchSchema(patchLabelDescriptions(restDoc.components)) });
  webhooks.addSchema({ $id: 'ghw', components: webhookDoc.components ?? {} });
  const operations = new Map<string, Operation>();
  const paths = restDoc.paths;
  if (isObject(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const [method, node] of Object.entries(item)) {
        if (isObject(node) && typeof node.operationId === 'string') operations.set(node.operationId, { method, path, node });
      }
    }
  }
  loaded = { rest, webhooks, operations, restDoc, webhookDoc, compiled: new Map() };
  return loaded;
}

function resolveLocal(doc: JsonObject, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    let target: unknown = doc;
    for (const part of current.$ref.slice(2).split('/')) target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    current = target;
  }
  return current;
}

function jsonSchemaOf(doc: JsonObject, bodyOrResponse: unknown): unknown {
  const resolved = resolveLocal(doc, bodyOrResponse);
  if (!isObject(resolved) || !isObject(resolved.content)) return undefined;
  const media = resolved.content['application/json'];
  return isObject(media) ? media.schema : undefined;
}

function compileOnce(key: string, make: () => ValidateFunction | undefined): ValidateFunction | undefined {
  const state = load();
  if (!state.compiled.has(key)) state.compiled.set(key, make());
  return state.compiled.get(key);
}

function formatErrors(prefix: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  // anyOf/oneOf failures repeat each branch's errors; the first few say enough.
  return (errors ?? []).slice(0, 8).map((error) => `${prefix}: ${error.instancePath || '/'} ${error.message ?? 'is invalid'}${error.params && 'missingProperty' in error.params ? '' : ` ${JSON.stringify(error.params)}`}`);
}

function checkRequest(operationId: string, body: unknown): string[] {
  const state = load();
  const operation = state.operations.get(operationId);
  if (operation === undefined) return [`${operationId}: no such operation in GitHub's REST description`];
  const validate = compileOnce(`req:${operationId}`, () => {
    const schema = jsonSchemaOf(state.restDoc, operation.node.requestBody);
    return schema === undefined ? undefined : state.rest.compile(asSchema(retarget(patchSchema(schema), 'gh')));
  });
  if (validate === undefined || body === undefined) return [];
  return validate(body) ? [] : formatErrors(`${operationId} request`, validate.errors);
}

function checkResponse(operationId: string, status: number, body: unknown): string[] {
  const state = load();
  const operation = state.operations.get(operationId);
  if (operation === undefined) return [`${operationId}: no such operation in GitHub's REST description`];
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  const documented = responses[String(status)];
  if (documented === undefined && status < 400) return [`${operationId}: status ${status} is not documented`];
  const validate = compileOnce(`res:${operationId}:${status}`, () => {
    // An error status the description lists without a body (or not at all) must still carry
    // GitHub's error shape: GitHub always answers errors with `{ message, documentation_url }`.
    const documentedSchema = documented === undefined ? undefined : jsonSchemaOf(state.restDoc, documented);
    const schema = documentedSchema ?? (status >= 400 ? { $ref: '#/components/schemas/basic-error' } : undefined);
    return schema === undefined ? undefined : state.rest.compile(asSchema(retarget(patchSchema(schema), 'gh')));
  });
  if (validate === undefined) return body === undefined || body === '' ? [] : [`${operationId}: status ${status} documents no body`];
  return validate(body) ? [] : formatErrors(`${operationId} ${status} response`, validate.errors);
}

function webhookEntry(doc: JsonObject, event: string, action: string | undefined): JsonObject | undefined {
  const hooks = doc.webhooks;
  if (!isObject(hooks)) return undefined;
  const key = [event, action].filter((part) => part !== undefined).join('-').replace(/_/g, '-');
  const entry = hooks[key];
  return isObject(entry) && isObject(entry.post) ? entry.post : undefined;
}

function checkWebhook(event: string, action: string | undefined, payload: unknown, headers: Readonly<Record<string, string>>): string[] {
  const state = load();
  const where = action === undefined ? event : `${event}.${action}`;
  const post = webhookEntry(state.webhookDoc, event, action);
  if (post === undefined) return [`${where}: no such webhook in GitHub's description`];
  const sent = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const missing = (Array.isArray(post.parameters) ? post.parameters : [])
    .filter((parameter): parameter is JsonObject => isObject(parameter) && parameter.in === 'header' && parameter.required === true)
    .map((parameter) => String(parameter.name))
    .filter((name) => !sent.has(name.toLowerCase()));
  const validate = compileOnce(`hook:${where}`, () => {
    const schema = jsonSchemaOf(state.webhookDoc, post.requestBody);
    return schema === undefined ? undefined : state.webhooks.compile(asSchema(retarget(schema, 'ghw')));
  });
  const headerErrors = missing.map((name) => `${where}: header ${name} is missing`);
  if (validate === undefined) return [...headerErrors, `${where}: no payload schema`];
  return validate(payload) ? headerErrors : [...headerErrors, ...formatErrors(`${where} payload`, validate.errors)];
}

/** The fidelity check for sandbox tests: validates against GitHub's published REST and webhook descriptions. */
export function createOpenApiValidator(): SandboxValidator {
  load();
  return {
    check(subject: ValidationSubject): readonly string[] {
      if (subject.kind === 'request') return checkRequest(subject.operationId, subject.body);
      if (subject.kind === 'response') return checkResponse(subject.operationId, subject.status, subject.body);
      return checkWebhook(subject.event, subject.action, subject.payload, subject.headers);
    },
  };
}

/** Where GitHub's REST description puts an operation (method in upper case), or undefined when it has no such operation. */
export function findOperation(operationId: string): { method: string; path: string } | undefined {
  const operation = load().operations.get(operationId);
  return operation === undefined ? undefined : { method: operation.method.toUpperCase(), path: operation.path };
}
