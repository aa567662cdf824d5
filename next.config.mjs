/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM engine from disk at run time; bundling it breaks the file URLs. The server entry
  // opens the database before Next loads, so the database packages must be the same copies on both sides.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "drizzle-orm", "libphonenumber-geo-carrier"],
  poweredByHeader: false,
  // Recipient lists travel to the composer's server actions as text: up to RECIPIENTS_MAX_MB (50 MB by default).
  experimental: { serverActions: { bodySizeLimit: "60mb" } },
  // `npm run typecheck` checks the whole tree (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
