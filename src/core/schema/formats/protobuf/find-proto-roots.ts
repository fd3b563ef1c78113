import { Type } from 'protobufjs';
import type { Namespace } from 'protobufjs';

function isWithin(inner: Type, outer: Type): boolean {
  return inner === outer || inner.fullName.startsWith(`${outer.fullName}.`);
}

/**
 * The messages of a file that stand alone: top-level messages no other message uses as a field
 * type (a message's own nested types and self-references do not count). When every one is used
 * (a cycle), all top-level messages.
 */
export function findProtoRoots(scope: Namespace): Type[] {
  const topLevel = scope.nestedArray.filter((declared): declared is Type => declared instanceof Type);
  const used = new Set<Type>();
  const visit = (message: Type): void => {
    for (const field of message.fieldsArray) {
      const target = message.lookup(field.type, [Type]);
      if (target instanceof Type && topLevel.includes(target) && !isWithin(message, target)) used.add(target);
    }
    for (const nested of message.nestedArray) if (nested instanceof Type) visit(nested);
  };
  for (const message of topLevel) visit(message);
  const roots = topLevel.filter((message) => !used.has(message));
  return roots.length > 0 ? roots : topLevel;
}
