// Webhook receivers and endpoints for tests. The receiver is a real HTTP server on 127.0.0.1
// (port 0): it answers each request with the next step of its script (a status, or "hang" to
// never answer, so the sender's timeout runs out), then 200, and records what it was sent.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";

export type ReceivedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
export type ReceiverStep = number | "hang" | { status: number; body?: string; headers?: Record<string, string> };

export type TestReceiver = {
  url: string;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
};

export async function startReceiver(script: ReceiverStep[] = []): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const steps = [...script];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const step = steps.shift() ?? 200;
      if (step === "hang") return; // the socket stays open until the sender gives up
      const { status, body, headers } = typeof step === "number" ? { status: step, body: step < 300 ? "ok" : "receiver error", headers: {} } : step;
      res.writeHead(status, headers).end(body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${randomUUID().slice(0, 8)}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An endpoint registered through the use case, so its secret is made and stored as in production. */
export async function createTestEndpoint(owner: UserActor, organizationId: string, url: string, events: string[]) {
  return createWebhookEndpoint(owner, { organizationId, url, description: "Test receiver", events });
}

/** Makes an endpoint's pending deliveries due now, as if their backoff had passed. */
export async function makeDue(endpointId: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
}

export async function deliveriesOf(endpointId: string) {
  return db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" }, include: { deliveryAttempts: { orderBy: { attemptNumber: "asc" } } } });
}
