// An independent SHACL engine for kg's tests: rdf-validate-shacl (Zazuko, a fork of
// TopQuadrant's shacl-js) over N3.js's parser, pinned in package-lock.json.
//
//   node shacl.mjs SHAPES.ttl [SHAPES2.ttl ...] -- DATA1.nt [DATA2.nt ...]
//
// Validates each data file on its own against the union of the shapes files and prints one
// JSON object: {"DATA1.nt": {"conforms": bool, "results": [...]}, ...}. Each result gives
// focus, shape, component, path, value and severity as terms: ["iri", IRI], ["bnode"] (blank
// node labels differ between engines, so none is given), ["literal", lexical form, "@lang" or
// datatype IRI]; path is null when absent or not an IRI.
// Exit status 0 when every file was validated, 2 on bad usage or a file that does not parse.

import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { Parser, Store } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'

function parse (file) {
  const parser = new Parser({ baseIRI: pathToFileURL(file).href })
  return parser.parse(readFileSync(file, 'utf8'))
}

function term (t) {
  if (!t) return null
  switch (t.termType) {
    case 'NamedNode':
      return ['iri', t.value]
    case 'BlankNode':
      return ['bnode']
    case 'Literal':
      return ['literal', t.value, t.language ? `@${t.language}` : t.datatype.value]
    default:
      return [t.termType, t.value]
  }
}

async function main (argv) {
  const split = argv.indexOf('--')
  if (split < 1 || split === argv.length - 1) {
    process.stderr.write('usage: node shacl.mjs SHAPES.ttl... -- DATA...\n')
    return 2
  }
  const shapes = argv.slice(0, split).flatMap(parse)
  const validator = new SHACLValidator(shapes)
  const out = {}
  for (const file of argv.slice(split + 1)) {
    const report = await validator.validate(new Store(parse(file)))
    out[file] = {
      conforms: report.conforms,
      results: report.results.map((r) => ({
        focus: term(r.focusNode),
        shape: term(r.sourceShape),
        component: term(r.sourceConstraintComponent),
        path: r.path && r.path.termType === 'NamedNode' ? term(r.path) : null,
        value: term(r.value),
        severity: term(r.severity)
      }))
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n')
  return 0
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (err) => {
    process.stderr.write(`shacl.mjs: ${err.message}\n`)
    process.exitCode = 2
  }
)
