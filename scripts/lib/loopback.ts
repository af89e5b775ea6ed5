import net from "node:net";

/**
 * A loopback port free at this moment: the system picks one, we let it go. Servers started for
 * benchmarks and tests listen on it; a client pointed at it without a server is refused.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
