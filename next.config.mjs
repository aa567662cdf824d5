/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM engine from disk at run time; bundling it breaks the file URLs.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
