import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { protobufReader } from './read-protobuf.js';

// Field order is the one thing the diff ignores, so it is the one thing normalized away here.
function sortFields(fields: readonly Field[]): Field[] {
  return [...fields]
    .sort((left, right) => left.name.localeCompare(right.name))
    .map((field) => ({ ...field, type: withSortedFields(field.type) }));
}

function withSortedFields(type: Field['type']): Field['type'] {
  return {
    ...type,
    ...(type.fields === undefined ? {} : { fields: sortFields(type.fields) }),
    ...(type.of === undefined ? {} : { of: withSortedFields(type.of) }),
  };
}

function readNormalized(text: string): DatasetSchema[] {
  return protobufReader.read({ path: 'user.proto', text }).datasets.map((dataset) => ({ ...dataset, fields: sortFields(dataset.fields) }));
}

const original = `syntax = "proto3";
package acme.users.v1;

import "google/protobuf/timestamp.proto";

// A person with an account.
message User {
  reserved 2, 5 to 7;
  reserved "email";

  int64 id = 1;
  // Where receipts go.
  string contact_email = 3;
  Address address = 4;
  repeated string tags = 8;
  Status status = 9;
  google.protobuf.Timestamp created_at = 10;

  message Address {
    reserved 4;
    string street = 1;
    string zip = 2;
  }

  enum Status {
    STATUS_UNSPECIFIED = 0;
    ACTIVE = 1;
    BANNED = 2;
  }
}
`;

// The same file with declarations, fields, enum values and reservations reordered and reflowed.
const reordered = `syntax="proto3"; package acme.users.v1; import "google/protobuf/timestamp.proto";
// A person with an account.
message User {
  enum Status { BANNED = 2; ACTIVE = 1; STATUS_UNSPECIFIED = 0; }
  message Address { string zip = 2; string street = 1; reserved 4; }
  google.protobuf.Timestamp   created_at=10;
  reserved "email";
  Status status = 9; repeated string tags = 8;
  Address address = 4;
  string contact_email = 3; // Where receipts go.
  reserved 5 to 7, 2;
  int64 id = 1;
}
`;

describe('protobufReader: conformance', () => {
  it('reads a reordered and reformatted file into the same model, apart from field order', () => {
    expect(readNormalized(reordered)).toEqual(readNormalized(original));
  });

  it('is sensitive to a real change (the comparison above can fail)', () => {
    expect(readNormalized(reordered.replace('reserved 5 to 7, 2;', 'reserved 5 to 7;'))).not.toEqual(readNormalized(original));
  });
});
