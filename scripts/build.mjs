// One build for every face: the CLI bundle (build/) and the Apps Script add-on (dist/, pushed by clasp).
import { buildCli } from './build-cli.mjs';
import { buildAddon } from './build-addon.mjs';

await Promise.all([buildCli(), buildAddon()]);
