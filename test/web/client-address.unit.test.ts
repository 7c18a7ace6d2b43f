import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/web/client-address.js";

describe("the browser's address for the sign-in limit", () => {
  it("is the socket's without a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("is the entry the outermost trusted proxy appended, not one the client wrote", () => {
    // The client sent "1.1.1.1" itself; the one proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies: a CDN appended the browser, the local nginx the CDN.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 192.0.2.50", 2)).toBe("198.51.100.7");
  });

  it("falls back to the socket when the header is missing or shorter than the proxy chain", () => {
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 2)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
  });
});
