// Next.js calls register() once per server process. With SMTP configured, a light loop delivers
// the mail outbox; each message is claimed with a conditional update, so several app instances
// can run it side by side. Without SMTP, mail stays captured in the outbox and nothing runs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { deliverPendingMail } = await import("./server/mail/deliver-pending-mail");
  const timer = setInterval(() => {
    deliverPendingMail().catch((error: unknown) => console.error("Mail delivery failed", error));
  }, 15_000);
  timer.unref();
}
