// Before the browser tests: Playwright drives Debian's Chromium (it cannot download its own here); install it and
// the CJK fonts when missing and we may (root with apt), else say exactly what to do.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return /Noto Sans CJK/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};
if (fs.existsSync(chromium) && hasFonts()) process.exit(0);
if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
  console.log('installing Debian packages chromium and fonts-noto-cjk for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
  process.exit(0);
}
console.error(`The browser tests need Chromium at ${chromium} and CJK fonts: sudo apt-get install -y chromium fonts-noto-cjk`);
process.exit(1);
