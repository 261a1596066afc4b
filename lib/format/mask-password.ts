/**
 * A URL safe to show: its password — or a NATS token, which is given as the user name — replaced
 * by `****`. A URL carrying neither comes back as it was.
 */
export function maskPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  else if (parsed.username && parsed.protocol.startsWith("nats")) parsed.username = "****";
  else return url;
  return parsed.toString();
}
