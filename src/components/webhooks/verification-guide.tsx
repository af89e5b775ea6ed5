import { Card, CardTitle } from "../ui/card";
import { RECEIVER_SAMPLE } from "./verification-sample";

const code = "rounded bg-slate-100 px-1";

/** How a receiver checks that a delivery is Clearway's, and what to expect of deliveries. */
export function VerificationGuide() {
  return (
    <Card>
      <CardTitle description="Check every delivery before you act on it: anyone can send a POST to your URL.">Receiving and verifying events</CardTitle>
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          Each delivery is a POST with a JSON body and these headers: <code className={code}>Clearway-Event-Id</code>,{" "}
          <code className={code}>Clearway-Event-Type</code> and <code className={code}>Clearway-Signature: t=&lt;unix time&gt;,v1=&lt;signature&gt;</code>.
          The signature is the hex HMAC-SHA256 of <code className={code}>&lt;t&gt;.&lt;raw body&gt;</code> with your signing secret. After you
          roll the secret, deliveries carry two <code className={code}>v1</code> values for 24 hours, one per secret.
        </p>
        <pre aria-label="A receiver in Node.js" className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
          <code>{RECEIVER_SAMPLE}</code>
        </pre>
        <ul className="list-disc space-y-1 pl-5">
          <li>Answer with any 2xx status within 10 seconds. Redirects are not followed.</li>
          <li>
            Anything else is retried: after 1 minute, 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours, and a last time 24 hours after
            the first attempt. Then the delivery is marked failed; you can resend it from its page.
          </li>
          <li>
            The same event can arrive more than once (a retry, a resend): its <code className={code}>id</code> stays the same, so skip ids you
            have handled. Events can arrive out of order; read the current state through the API link in <code className={code}>data.links</code>.
          </li>
        </ul>
      </div>
    </Card>
  );
}
