import { Namespace, parse } from 'protobufjs';
import type { Root } from 'protobufjs';
import { SchemaError } from '../../schema-error.js';
import { findProtoErrorLine } from './find-proto-error-line.js';

/** A parsed `.proto` file: its package (if any) and the namespace its declarations live in. */
export type ParsedProto = { root: Root; packageName: string | undefined; scope: Namespace };

// protobufjs ends syntax errors with "(line N)" or "(file, line N)".
const linePattern = /\s*\((?:[^()]*, )?line (\d+)\)\s*$/;

function toSchemaError(file: string, text: string, message: string): SchemaError {
  const lineMatch = linePattern.exec(message);
  if (lineMatch !== null) {
    const reason = message.replace(linePattern, '').replace(/^illegal end of input.*$/, 'unexpected end of file');
    return new SchemaError('invalid-syntax', file, `invalid protobuf syntax: ${reason}`, { line: Number(lineMatch[1]), format: 'protobuf' });
  }
  const line = findProtoErrorLine(text, message);
  const code = /edition/i.test(message) ? 'invalid-syntax' : 'invalid-schema';
  const reason = message.replace(/^Unknown edition: (.*)$/, 'unsupported syntax or edition "$1"');
  return new SchemaError(code, file, `invalid protobuf ${code === 'invalid-syntax' ? 'syntax' : 'schema'}: ${reason}`, { ...(line === undefined ? {} : { line }), format: 'protobuf' });
}

/**
 * Parses proto2, proto3 and edition files with field names exactly as written (protobufjs
 * camel-cases them by default) and leading or trailing comments kept, then resolves each
 * field's edition features (presence above all) without resolving types, since imports are not
 * loaded. Throws `SchemaError` with the line protobufjs reports.
 */
export function parseProtoText(file: string, text: string): ParsedProto {
  try {
    const parsed = parse(text, { keepCase: true, alternateCommentMode: true });
    // Files without `syntax` are proto2; each top-level declaration carries its file's own edition.
    parsed.root._resolveFeaturesRecursive('proto2');
    const packageName = parsed.package ?? undefined;
    const scope = packageName === undefined ? parsed.root : parsed.root.lookup(packageName);
    if (!(scope instanceof Namespace)) {
      throw new SchemaError('invalid-schema', file, `invalid protobuf schema: package ${packageName ?? ''} is not a namespace`, { format: 'protobuf' });
    }
    return { root: parsed.root, packageName, scope };
  } catch (error) {
    if (error instanceof SchemaError) throw error;
    throw toSchemaError(file, text, error instanceof Error ? error.message : String(error));
  }
}
