import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts a test HTTP server on 127.0.0.1 (a free port) and returns its base address and a closer. */
export async function listenLocal(server: Server): Promise<{ base: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `predicate` holds; on timeout the error says what was seen. */
export async function waitUntil(predicate: () => boolean, seen: () => string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; seen: ${seen()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
