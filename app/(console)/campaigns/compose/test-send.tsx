"use client";
// One real chat to a number of your own, with the campaign's current settings, before sending to everyone.
// Connect's answer is shown as it came, error name included.
import { useState } from "react";
import { useFormContext, type FieldPath } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { testSendAction } from "../actions";
import { callAction } from "@/components/forms/call-action";
import { applyFieldErrors } from "./field-errors";
import type { ComposerValues } from "./form-values";

// Everything a test send uses: the campaign without its recipients.
const CAMPAIGN_FIELDS: FieldPath<ComposerValues>[] = [
  "name",
  "description",
  "instanceId",
  "channel",
  "sourcePhoneNumberArn",
  "contactFlowId",
  "message",
  "contentTypes",
  "chatDurationMinutes",
  "attributes",
  "participantDisplayName",
  "relatedContactId",
  "sendsPerSecond",
  "schedule",
];

type Outcome = { ok: true; contactId: string; phone: string } | { ok: false; message: string };

export function TestSend() {
  const form = useFormContext<ComposerValues>();
  const [phone, setPhone] = useState("");
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    setOutcome(null);
    setPhoneError(undefined);
    if (phone.trim() === "") return setPhoneError("Enter the number to send the test to");
    if (!(await form.trigger(CAMPAIGN_FIELDS))) return setOutcome({ ok: false, message: "Some campaign fields need attention; they are marked in the form." });
    setSending(true);
    const { recipients, ...campaign } = form.getValues();
    const res = await callAction(() => testSendAction({ campaign, phone, defaultCountry: recipients.defaultCountry || undefined }));
    setSending(false);
    if (res.ok) return setOutcome({ ok: true, ...res.data });
    applyFieldErrors(form.setError, res.error.fields, "campaign.");
    setPhoneError(res.error.fields?.phone);
    setOutcome({ ok: false, message: res.error.message });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Test send</CardTitle>
        <CardDescription>Starts one chat with these settings; placeholders are filled with sample values.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Field id="test-number" label="Test number" hint="Your own phone, e.g. +14255550100" error={phoneError}>
          <Input
            type="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void send())}
          />
        </Field>
        <div>
          <Button type="button" variant="outline" onClick={() => void send()} disabled={sending}>
            Send test message
          </Button>
        </div>
        {sending ? (
          <p role="status" className="text-sm text-muted-foreground">
            Sending the test…
          </p>
        ) : null}
        {outcome?.ok ? (
          <Alert tone="success">
            Test sent: ContactId <span className="font-mono">{outcome.contactId}</span> to {outcome.phone}
          </Alert>
        ) : null}
        {outcome && !outcome.ok ? <Alert tone="error">{outcome.message}</Alert> : null}
      </CardContent>
    </Card>
  );
}
