"use client";
// The signing secret, shown once right after it was created or rotated, with the URL to give the provider.
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function SecretReveal({ secret, url }: { secret: string; url: string }) {
  return (
    <div className="grid gap-3" data-testid="integration-secret-panel">
      <Alert tone="warning">Copy the signing secret now. It is shown only this once; the console keeps it encrypted and never displays it again.</Alert>
      <Field id="integration-secret" label="Signing secret">
        <Input readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="integration-secret" />
      </Field>
      <CopyButton value={secret} label="Copy signing secret" testId="copy-integration-secret" size="sm" className="justify-self-start" />
      <Field id="integration-url" label="Endpoint URL for the provider" hint="The provider POSTs each message here, signed with the secret.">
        <Input readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="integration-url" />
      </Field>
      <CopyButton value={url} label="Copy endpoint URL" testId="copy-integration-url" size="sm" className="justify-self-start" />
    </div>
  );
}
