/** Called once by Next.js when a server instance starts. */
export async function register(): Promise<void> {
  // Next.js inlines NEXT_RUNTIME per bundle, so the Edge bundle never sees Node-only code.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./lib/server-runtime");
  startServerRuntime();
}
