// drizzle-kit reads this to generate SQL migrations from db/schema.ts into db/migrations (committed).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./db/schema.ts', './db/schema-imports.ts'],
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? './data/ledger.db' },
});
