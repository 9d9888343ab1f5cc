import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './loadBundle';

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));

  test('asks for exactly the scopes the add-on needs, each justified in sheets-addon/README.md', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    const readme = readFileSync(path.resolve(__dirname, '../../sheets-addon/README.md'), 'utf8');
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });

  test('runs on V8 and clasp pushes dist/', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(JSON.parse(readFileSync(path.resolve(__dirname, '../../.clasp.json'), 'utf8')).rootDir).toBe('dist');
  });
});
