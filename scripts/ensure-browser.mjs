// The portal's browser tests drive Debian's Chromium (never a downloaded build). On a fresh
// machine it is not there yet: install it from Debian's packages when we may, else say how.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !fs.existsSync('/usr/bin/apt-get')) {
    process.stderr.write(
      `The browser tests need Chromium at ${chromium}: install it with ` +
        '`sudo apt-get install -y chromium` (or set CHROMIUM_PATH).\n',
    );
    process.exit(1);
  }
  process.stdout.write("Installing Debian's Chromium for the browser tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}
