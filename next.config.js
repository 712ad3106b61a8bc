// Next.js configuration: native SQLite stays outside the bundle; i18n messages come from lib/i18n/request.ts.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // Lets parallel builds (several developers' end-to-end runs on one checkout) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: { authInterrupts: true },
  // The per-request CSP is set in proxy.ts; these also cover static assets, which the proxy skips.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
