// Comunica as a client of one SPARQL endpoint: node query.mjs ENDPOINT < requests.json
// requests.json: [{"query": "...", "type": "application/sparql-results+json"}, ...]
// Prints a JSON array with each answer serialised as its type asks.
import { QueryEngine } from "@comunica/query-sparql";

const [endpoint] = process.argv.slice(2);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf-8"));

const engine = new QueryEngine();
const answers = [];
for (const { query, type } of requests) {
  const result = await engine.query(query, { sources: [{ type: "sparql", value: endpoint }] });
  const { data } = await engine.resultToString(result, type);
  let text = "";
  for await (const part of data) text += part;
  answers.push(text);
}
process.stdout.write(JSON.stringify(answers));
