// One build for every face: the CLI and the bot bundles (build/) and the Apps Script add-on (dist/, pushed by clasp).
import { buildCli } from './build-cli.mjs';
import { buildAddon } from './build-addon.mjs';
import { buildBot } from './build-bot.mjs';

await Promise.all([buildCli(), buildAddon(), buildBot()]);
