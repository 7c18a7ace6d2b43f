/**
 * The browser's address, for the sign-in limit. Behind `trustedProxies` reverse proxies the
 * socket's address is the nearest proxy's, the same for everyone; each proxy appends the address
 * it got the request from to X-Forwarded-For, so the entry that many places from the right is
 * the one the outermost trusted proxy saw. Entries further left were written by the client and
 * prove nothing; with no trusted proxy the header is ignored.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: number): string {
  const socket = socketAddress ?? "unknown";
  if (trustedProxies === 0 || !forwardedFor) return socket;
  const hops = forwardedFor
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them.
  return hops.length >= trustedProxies ? hops[hops.length - trustedProxies]!.slice(0, 64) : socket;
}
