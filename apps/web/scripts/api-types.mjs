#!/usr/bin/env node
// Prints the TypeScript types (openapi-typescript) for an OpenAPI document read as JSON
// from stdin: what apps/web/src/api/schema.gen.ts holds. test/openapi-types.e2e-spec.ts
// feeds it the document the real app serves at GET /api/docs-json (openapi-typescript is
// ESM-only where it counts, so it runs here, out of Jest's CommonJS module system).
import openapiTS, { astToString } from 'openapi-typescript';

const BANNER = `/**
 * GENERATED from the API's OpenAPI document (GET /api/docs-json) by openapi-typescript.
 * Do not edit: change the controllers and DTOs, then run \`npm run api:types\`.
 * test/openapi-types.e2e-spec.ts fails while this file is stale.
 */`;

let input = '';
for await (const chunk of process.stdin) input += chunk;
const ast = await openapiTS(JSON.parse(input), { alphabetize: true });
process.stdout.write(`${BANNER}\n\n${astToString(ast)}`);
