// How a provider (or the glue in front of it) must call the endpoint: the body, the two headers, the HMAC recipe,
// and what each answer means. Static text built from the same constants the route enforces.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  MAX_BODY_BYTES,
  MAX_MESSAGE_ID_CHARS,
  MAX_TEXT_CHARS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  TIMESTAMP_TOLERANCE_SECONDS,
  inboundPath,
} from "@/lib/inbound/protocol";

const FIELDS: [string, string][] = [
  ["messageId", `The provider's id for the message, 1–${MAX_MESSAGE_ID_CHARS} characters. A repeat is answered as a duplicate and not sent again.`],
  ["from", "The customer's number, E.164 (+12065550100); without a country code it takes the integration number's country."],
  ["to", "The integration's own number."],
  ["text", `The message, up to ${MAX_TEXT_CHARS} characters. Required for messages.`],
  ["timestamp", "When the provider received it: unix seconds or an ISO 8601 date-time."],
  ["type", "Optional: message (default), delivered, read, or disconnect (ends the customer's chat)."],
  ["refMessageId", "For delivered and read receipts: the id of the message acknowledged (text is used when it is missing)."],
];

const ANSWERS: [string, string][] = [
  ["200 forwarded", "In Amazon Connect; the body has contactId and newChatCreated."],
  ["202 queued", "Stored; it is forwarded once Connect accepts it or an earlier message of the same customer has gone. Do not resend."],
  ["200 duplicate", "This messageId was received before; nothing was sent again."],
  ["200 failed", "Connect refused this event; the reason is in the body and on this page."],
  ["400 / 401 / 404 / 413", "Bad body, bad signature or stale timestamp, unknown or disabled integration, body too large. Recorded below as a rejection."],
];

export function SigningGuide({ origin }: { origin: string }) {
  const url = `${origin}${inboundPath("<integration id>")}`;
  const body = `{"messageId":"SM123","from":"+12065550100","to":"+12065550142","text":"Hello","timestamp":1767225600}`;
  const curl = [
    `BODY='${body}'`,
    "TS=$(date +%s)",
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -X POST "${url}" -H "Content-Type: application/json" \\`,
    `  -H "${TIMESTAMP_HEADER}: $TS" -H "${SIGNATURE_HEADER}: sha256=$SIG" --data "$BODY"`,
  ].join("\n");
  const js = [
    `import { createHmac } from "node:crypto";`,
    ``,
    `const body = JSON.stringify({ messageId, from, to, text, timestamp: Math.floor(Date.now() / 1000) });`,
    `const ts = String(Math.floor(Date.now() / 1000));`,
    `const signature = "sha256=" + createHmac("sha256", secret).update(\`\${ts}.\${body}\`).digest("hex");`,
    `await fetch(url, { method: "POST", body, headers: { "Content-Type": "application/json", "${TIMESTAMP_HEADER}": ts, "${SIGNATURE_HEADER}": signature } });`,
  ].join("\n");

  return (
    <Card data-testid="signing-guide">
      <CardHeader>
        <CardTitle>Calling the endpoint</CardTitle>
        <CardDescription>
          POST JSON to <code className="font-mono text-xs break-all">{url}</code>, at most {MAX_BODY_BYTES / 1024} KiB, signed with the integration&apos;s
          secret.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 text-sm">
        <ul className="grid gap-1">
          <li>
            <code className="font-mono text-xs">{TIMESTAMP_HEADER}</code>: the current time in unix seconds; refused when more than{" "}
            {TIMESTAMP_TOLERANCE_SECONDS / 60} minutes off.
          </li>
          <li>
            <code className="font-mono text-xs">{SIGNATURE_HEADER}</code>: <code className="font-mono text-xs">sha256=</code> and the hex HMAC-SHA256, keyed
            with the secret, of the timestamp, a dot, and the raw body exactly as sent.
          </li>
        </ul>
        <dl className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)] gap-x-3 gap-y-1">
          {FIELDS.map(([name, what]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-xs break-all">{name}</dt>
              <dd className="text-muted-foreground">{what}</dd>
            </div>
          ))}
        </dl>
        <pre
          tabIndex={0}
          aria-label="Signed request with curl"
          className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs"
          data-testid="signing-curl"
        >
          {curl}
        </pre>
        <pre tabIndex={0} aria-label="Signing in JavaScript" className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid="signing-js">
          {js}
        </pre>
        <dl className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] gap-x-3 gap-y-1">
          {ANSWERS.map(([code, what]) => (
            <div key={code} className="contents">
              <dt className="font-mono text-xs">{code}</dt>
              <dd className="text-muted-foreground">{what}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
