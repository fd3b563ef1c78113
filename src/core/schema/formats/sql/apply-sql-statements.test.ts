import { describe, expect, it } from 'vitest';
import { fieldAt, readOneTable, readSqlText, sqlErrorOf } from './testing/read-sql-text.js';

const users = 'CREATE TABLE analytics.users (id int PRIMARY KEY, email text NOT NULL, name varchar(50), age int CHECK (age >= 0));\n';

describe('sqlReader: ALTER TABLE runs in order', () => {
  it.each<[string, string, Array<[string, unknown]>]>([
    ['RENAME COLUMN records the old name', 'ALTER TABLE analytics.users RENAME COLUMN email TO email_address;', [['email_address.renamedFrom', ['email']]]],
    ['RENAME without COLUMN, twice, keeps every earlier name', 'ALTER TABLE users RENAME email TO mail; ALTER TABLE users RENAME mail TO email_address;', [['email_address.renamedFrom', ['email', 'mail']]]],
    ['RENAME COLUMN rewrites checks that name the column', 'ALTER TABLE analytics.users RENAME COLUMN age TO "Age";', [['Age.constraints', { check: '"Age" >= 0' }]]],
    ['ADD COLUMN', 'ALTER TABLE analytics.users ADD COLUMN country char(2) NOT NULL DEFAULT \'NL\';', [['country.nullable', false], ['country.hasDefault', true], ['country.constraints', { maxLength: 2 }]]],
    ['ADD COLUMN IF NOT EXISTS on an existing column does nothing', 'ALTER TABLE analytics.users ADD COLUMN IF NOT EXISTS email int;', [['email.type', { kind: 'string', name: 'text' }]]],
    ['ALTER COLUMN TYPE', 'ALTER TABLE analytics.users ALTER COLUMN id TYPE bigint USING id::bigint;', [['id.type', { kind: 'long', name: 'bigint' }]]],
    ['ALTER COLUMN SET DATA TYPE', 'ALTER TABLE analytics.users ALTER COLUMN name SET DATA TYPE varchar(20);', [['name.constraints', { maxLength: 20 }]]],
    ['SET NOT NULL', 'ALTER TABLE analytics.users ALTER COLUMN name SET NOT NULL;', [['name.nullable', false]]],
    ['DROP NOT NULL', 'ALTER TABLE analytics.users ALTER COLUMN email DROP NOT NULL;', [['email.nullable', true]]],
    ['SET DEFAULT', "ALTER TABLE analytics.users ALTER name SET DEFAULT 'anon';", [['name.hasDefault', true]]],
    ['DROP DEFAULT', "ALTER TABLE analytics.users ALTER name SET DEFAULT 'anon', ALTER name DROP DEFAULT;", [['name.hasDefault', false]]],
    ['ADD CONSTRAINT UNIQUE', 'ALTER TABLE ONLY analytics.users ADD CONSTRAINT users_email_key UNIQUE (email);', [['email.constraints', { unique: true }]]],
    ['DROP CONSTRAINT by its default name', 'ALTER TABLE analytics.users DROP CONSTRAINT users_age_check;', [['age.constraints', undefined]]],
    ['DROP CONSTRAINT IF EXISTS on a missing one does nothing', 'ALTER TABLE analytics.users DROP CONSTRAINT IF EXISTS nope;', [['id.constraints', { primaryKey: true }]]],
    ['ignored actions (OWNER TO, SET STATISTICS)', 'ALTER TABLE analytics.users OWNER TO app; ALTER TABLE analytics.users ALTER COLUMN name SET STATISTICS 100;', [['name.nullable', true]]],
  ])('%s', (_name, statements, expectations) => {
    const schema = readOneTable(users + statements);
    for (const [where, value] of expectations) {
      const [column = '', property = ''] = where.split('.');
      expect(Reflect.get(fieldAt(schema, column), property)).toEqual(value);
    }
  });

  it('DROP COLUMN removes the column and the constraints that involve it', () => {
    const schema = readOneTable(`${users}ALTER TABLE analytics.users ADD CONSTRAINT pair UNIQUE (name, age); ALTER TABLE analytics.users DROP COLUMN age CASCADE;`);
    expect(schema.fields.map((field) => field.name)).toEqual(['id', 'email', 'name']);
    expect(schema.constraints).toBeUndefined();
  });

  it('RENAME TO keeps the schema and records the old physical name; SET SCHEMA moves it', () => {
    const renamed = readOneTable(`${users}ALTER TABLE analytics.users RENAME TO users_v2;`);
    expect([renamed.dataset, renamed.renamedFrom, renamed.version]).toEqual([{ name: 'users_v2', physicalName: 'analytics.users_v2' }, ['analytics.users'], '2']);
    const moved = readOneTable(`${users}ALTER TABLE analytics.users SET SCHEMA crm;`);
    expect([moved.dataset.physicalName, moved.renamedFrom]).toEqual(['crm.users', ['analytics.users']]);
  });

  it('BigQuery: column names ignore case, SET OPTIONS sets descriptions', () => {
    const schema = readOneTable(`CREATE TABLE \`p.d.users\` (UserId INT64, email STRING);
      ALTER TABLE \`p.d.users\` RENAME COLUMN userid TO user_id;
      ALTER TABLE p.d.users ALTER COLUMN EMAIL SET OPTIONS (description = "Login e-mail");
      ALTER TABLE p.d.users SET OPTIONS (description = "Accounts");`);
    expect(schema.fields.map((field) => [field.name, field.renamedFrom, field.description])).toEqual([['user_id', ['UserId'], undefined], ['email', [], 'Login e-mail']]);
    expect(schema.description).toBe('Accounts');
  });

  it('COMMENT ON sets and clears descriptions', () => {
    const schema = readOneTable(`${users}COMMENT ON TABLE analytics.users IS 'People'; COMMENT ON COLUMN users.email IS 'Login'; COMMENT ON COLUMN analytics.users.email IS NULL; COMMENT ON COLUMN analytics.users.name IS 'Full ' \n 'name';`);
    expect([schema.description, fieldAt(schema, 'email').description, fieldAt(schema, 'name').description]).toEqual(['People', undefined, 'Full name']);
  });

  it('DROP TABLE removes a table; CREATE after it defines it again', () => {
    const tables = readSqlText('CREATE TABLE a (x int); CREATE TABLE b (y int); DROP TABLE IF EXISTS a, missing CASCADE; CREATE TABLE a (z int);');
    expect(tables.map((table) => [table.dataset.name, table.fields.map((field) => field.name)])).toEqual([['b', ['y']], ['a', ['z']]]);
  });
});

describe('sqlReader: enums', () => {
  it('gives columns of an enum type its values, after ALTER TYPE changes, arrays included', () => {
    const schema = readOneTable(`CREATE TYPE public.mood AS ENUM ('sad', 'happy');
      ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
      ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
      ALTER TYPE mood RENAME VALUE 'happy' TO 'glad';
      CREATE TABLE t (now mood, history public.mood[]);`);
    expect(schema.fields.map((field) => field.type)).toEqual([
      { kind: 'enum', name: 'public.mood', symbols: ['sad', 'ok', 'glad'] },
      { kind: 'array', name: 'public.mood[]', of: { kind: 'enum', name: 'public.mood', symbols: ['sad', 'ok', 'glad'] } },
    ]);
  });
});

describe('sqlReader: rename hints', () => {
  it.each<[string, string, string[]]>([
    ['on the line above', '  -- downstream:renamed-from user_email\n  email text', ['user_email']],
    ['several, above blank lines and other comments', '  -- downstream:renamed-from mail\n  -- downstream:renamed-from e_mail\n\n  -- the login address\n  email text', ['mail', 'e_mail']],
    ['a list in one hint, a dotted move, a quoted name', '  -- downstream:renamed-from contact.email, "EMail"\n  email text', ['contact.email', 'EMail']],
    ['unquoted names fold like Postgres identifiers', '  -- downstream:renamed-from UserEmail\n  email text', ['useremail']],
    ['trailing on the column line', '  email text, -- downstream:renamed-from user_email\n  other int', ['user_email']],
    ['in a block comment', '  /* downstream:renamed-from user_email */\n  email text', ['user_email']],
  ])('%s', (_name, column, renamedFrom) => {
    const schema = readOneTable(`CREATE TABLE t (\n  id int,\n${column}\n);`);
    expect(fieldAt(schema, 'email').renamedFrom).toEqual(renamedFrom);
  });

  it('applies to the column an ALTER TABLE ADD COLUMN defines, and to a table before CREATE TABLE', () => {
    const schema = readOneTable('-- downstream:renamed-from analytics.users_v1\nCREATE TABLE analytics.users_v2 (id int);\n-- downstream:renamed-from login\nALTER TABLE analytics.users_v2 ADD COLUMN email text;');
    expect([schema.renamedFrom, fieldAt(schema, 'email').renamedFrom]).toEqual([['analytics.users_v1'], ['login']]);
  });

  it.each<[string, string]>([
    ['CREATE TABLE t (\n  id int,\n  -- downstream:renamed-from pk\n  PRIMARY KEY (id)\n);', 'invalid-schema: schema.sql:3: the downstream:renamed-from hint is not followed by a column or table definition'],
    ['CREATE TABLE t (\n  -- downstream:renamed-from\n  id int\n);', 'invalid-schema: schema.sql:2: cannot read the downstream:renamed-from hint: expected the earlier column name after downstream:renamed-from, found end of file'],
    ['CREATE TABLE t (\n  -- downstream:renamed-from a (old)\n  id int\n);', 'invalid-schema: schema.sql:2: cannot read the downstream:renamed-from hint: expected a name in the downstream:renamed-from hint, found "("'],
  ])('refuses a hint it cannot place or read: %j', (text, message) => {
    expect(sqlErrorOf(text)).toBe(message);
  });
});

describe('sqlReader: statements that do not shape tables', () => {
  it('skips views, indexes, grants, DML, settings, functions and procedures, tokenizing them correctly', () => {
    const tables = readSqlText(`SET search_path = analytics;
      BEGIN;
      CREATE INDEX users_email ON users (lower(email));
      GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO reporting;
      INSERT INTO settings VALUES ('a;b', $$x;y$$, E'it\\'s;');
      CREATE VIEW v AS SELECT CASE WHEN a > 0 THEN 'x;' END AS c FROM t;
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN NEW.at := now(); RETURN NEW; END; $body$;
      CREATE TABLE users (id int);
      CREATE TABLE summary AS SELECT count(*) AS n FROM users;
      ALTER TABLE summary ADD COLUMN note text;
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      COMMIT;`);
    expect(tables.map((table) => table.dataset.name)).toEqual(['users']);
  });

  it('skips BigQuery procedures whose BEGIN … END blocks hold semicolons', () => {
    const tables = readSqlText(`CREATE PROCEDURE p.d.fill()
      BEGIN
        DECLARE x INT64 DEFAULT 0;
        IF x = 0 THEN SELECT 1; END IF;
        BEGIN SELECT 2; END;
      END;
      CREATE TABLE \`p.d.t\` (a INT64);`);
    expect(tables.map((table) => table.dataset.physicalName)).toEqual(['p.d.t']);
  });
});

describe('sqlReader: errors name the file, the line and what was expected', () => {
  it.each<[string, string]>([
    ['CREATE TABLE users (\n  id int,\n  name text\n\nCREATE TABLE x (a int);', 'invalid-syntax: schema.sql:5: expected ")" after column list, found "CREATE"'],
    ['CREATE TABLE users (id int)\nCREATE TABLE x (a int);', 'invalid-syntax: schema.sql:2: expected ";" after CREATE TABLE users, found "CREATE"'],
    ['CREATE TABLE users (\n  id,\n  name text\n);', 'invalid-syntax: schema.sql:2: expected a data type for column id, found ","'],
    ['CREATE TABLE users (\n  tags ARRAY<STRING\n);', 'invalid-syntax: schema.sql:3: expected ">" to close ARRAY<…> for column tags, found ")"'],
    ["CREATE TABLE t (a text DEFAULT 'x);", 'invalid-syntax: schema.sql:1: unterminated string'],
    ['CREATE TABLE t (a int CHECK (a > 0);', 'invalid-syntax: schema.sql:1: expected ")" after column list, found ";"'],
    ['CREATE TABLE t (\n  a int CHECK (a > 0;\n', 'invalid-syntax: schema.sql:2: expected ")" after CHECK for column a, found ";"'],
    ['CREATE TABLE t (a int);\nCREATE TABLE t (b int);', 'invalid-schema: schema.sql:2: table t is created twice'],
    ['CREATE TABLE t (a int, a text);', 'invalid-schema: schema.sql:1: table t already has a column a'],
    ['CREATE TABLE t (a int, PRIMARY KEY (b));', 'invalid-schema: schema.sql:1: table t has no column b'],
    ['CREATE TABLE t (a int);\n\nALTER TABLE u ADD COLUMN b int;', 'invalid-schema: schema.sql:3: ALTER TABLE u: the file does not create that table before this statement'],
    ['CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN b TO c;', 'invalid-schema: schema.sql:2: table t has no column b'],
    ['CREATE TABLE t (a int, b int);\nALTER TABLE t RENAME COLUMN a TO b;', 'invalid-schema: schema.sql:2: cannot rename a to b: table t already has a column b'],
    ['CREATE TABLE t (a int);\nALTER TABLE t DROP CONSTRAINT t_pkey;', 'invalid-schema: schema.sql:2: table t has no constraint named t_pkey'],
    ['CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a FROB;', 'invalid-syntax: schema.sql:2: expected TYPE, SET/DROP NOT NULL, SET/DROP DEFAULT or SET OPTIONS after ALTER COLUMN a, found "FROB"'],
    ['CREATE TABLE s1.t (a int); CREATE TABLE s2.t (a int);\nALTER TABLE t ADD COLUMN b int;', 'invalid-schema: schema.sql:2: table t is ambiguous: it could be s1.t or s2.t'],
    ["ALTER TYPE mood ADD VALUE 'x';", 'invalid-schema: schema.sql:1: ALTER TYPE mood: the file does not create that enum before this statement'],
  ])('%j', (text, message) => {
    expect(sqlErrorOf(text)).toBe(message);
  });
});

describe('sqlReader: pg_dump output', () => {
  it('reads a schema-only dump: \\restrict lines, settings, sequences, views, OWNER TO, constraints added with ALTER TABLE ONLY', () => {
    const dump = `--
-- PostgreSQL database dump
--

\\restrict Zx81kQ

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE analytics.orgs (
    id integer NOT NULL,
    name text NOT NULL
);

ALTER TABLE analytics.orgs OWNER TO postgres;

CREATE SEQUENCE analytics.orgs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER TABLE analytics.orgs_id_seq OWNER TO postgres;
ALTER SEQUENCE analytics.orgs_id_seq OWNED BY analytics.orgs.id;

CREATE VIEW analytics.org_names AS
 SELECT orgs.name
   FROM analytics.orgs;

ALTER TABLE analytics.org_names OWNER TO postgres;
COMMENT ON COLUMN analytics.org_names.name IS 'Shown in the picker';

ALTER TABLE ONLY analytics.orgs ALTER COLUMN id SET DEFAULT nextval('analytics.orgs_id_seq'::regclass);

ALTER TABLE ONLY analytics.orgs
    ADD CONSTRAINT orgs_name_key UNIQUE (name);

ALTER TABLE ONLY analytics.orgs
    ADD CONSTRAINT orgs_pkey PRIMARY KEY (id);

\\unrestrict Zx81kQ
`;
    const schema = readOneTable(dump);
    expect(schema.fields.map((entry) => [entry.name, entry.nullable, entry.hasDefault, entry.constraints])).toEqual([
      ['id', false, true, { primaryKey: true }],
      ['name', false, false, { unique: true }],
    ]);
  });
});
