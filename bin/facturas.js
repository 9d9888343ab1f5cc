#!/usr/bin/env node
// The `facturas` command runs the bundle that `npm run build` writes to build/facturas.cjs.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'build', 'facturas.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('facturas is not built yet: run "npm run build" in ' + path.resolve(__dirname, '..') + ' first.\n');
  process.exit(1);
}
require(bundle);
