"use client";
// The signing secret, shown once right after it was created or rotated, with the URL to give the provider.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

function CopyButton({ value, label, testId }: { value: string; label: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2_000);
  };
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => void copy()} data-testid={testId} aria-label={label}>
      {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

export function SecretReveal({ secret, url }: { secret: string; url: string }) {
  return (
    <div className="grid gap-3" data-testid="integration-secret-panel">
      <Alert tone="warning">Copy the signing secret now. It is shown only this once; the console keeps it encrypted and never displays it again.</Alert>
      <Field id="integration-secret" label="Signing secret">
        <Input readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="integration-secret" />
      </Field>
      <CopyButton value={secret} label="Copy signing secret" testId="copy-integration-secret" />
      <Field id="integration-url" label="Endpoint URL for the provider" hint="The provider POSTs each message here, signed with the secret.">
        <Input readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="integration-url" />
      </Field>
      <CopyButton value={url} label="Copy endpoint URL" testId="copy-integration-url" />
    </div>
  );
}
