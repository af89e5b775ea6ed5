// A minimal SMTP server for the mail fault test: enough of RFC 5321 for nodemailer to deliver to
// it over a real TCP conversation (greeting, EHLO, MAIL FROM, RCPT TO, DATA, QUIT), keeping each
// message it accepts. No TLS, no auth: loopback only.
import net from "node:net";
import { freeLoopbackPort } from "../../../scripts/lib/loopback";

export type ReceivedMail = { from: string; to: string[]; data: string; subject: string };
export type SmtpSink = { port: number; received: ReceivedMail[]; close: () => Promise<void> };

export function startSmtpSink(port: number): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = "";
    let inData = false;
    let current: ReceivedMail = { from: "", to: [], data: "", subject: "" };
    const reply = (line: string) => socket.write(line + "\r\n");
    reply("220 sink.test ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          current.subject = /^Subject: (.*)$/m.exec(current.data)?.[1] ?? "";
          received.push(current);
          current = { from: "", to: [], data: "", subject: "" };
          buffer = buffer.slice(end + 5);
          inData = false;
          reply("250 2.0.0 queued");
          continue;
        }
        const end = buffer.indexOf("\r\n");
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250-sink.test\r\n250 8BITMIME");
        else if (verb === "MAIL") {
          current.from = line.slice(10).trim();
          reply("250 2.1.0 ok");
        } else if (verb === "RCPT") {
          current.to.push(line.slice(8).trim().replace(/^<|>$/g, ""));
          reply("250 2.1.5 ok");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end with <CRLF>.<CRLF>");
        } else if (verb === "RSET" || verb === "NOOP") reply("250 ok");
        else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("502 5.5.2 not implemented");
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({
      port,
      received,
      close: () => new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
    }));
  });
}

/** A loopback port nothing listens on (taken and let go): connecting to it is refused. */
export const closedPort = freeLoopbackPort;
