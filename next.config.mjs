/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests and scripts included) as its own step;
  // checking again here would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
  // Native and heavy server-only packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/client", "@opentelemetry/sdk-node", "avsc", "protobufjs", "otlp-generated-protobuf", "@asyncapi/parser"],
};

export default nextConfig;
