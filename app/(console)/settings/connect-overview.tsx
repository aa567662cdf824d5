"use client";
// A live check that credentials and permissions work: what the gateway sees, or Connect's exact error.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { ConnectInstance, ContactFlow, PhoneNumber } from "@/lib/connect/types";
import { FlowsTable, NumbersTable } from "./connect-tables";

export function ConnectOverview() {
  const instances = useQuery({
    queryKey: ["connect", "instances"],
    queryFn: ({ signal }) => fetchJson<{ instances: ConnectInstance[] }>("/api/connect/instances", signal),
  });
  const [picked, setPicked] = useState<string | null>(null);
  const instanceId = picked ?? instances.data?.instances[0]?.id ?? null;
  const flows = useQuery({
    queryKey: ["connect", "flows", instanceId],
    enabled: Boolean(instanceId),
    queryFn: ({ signal }) => fetchJson<{ flows: ContactFlow[] }>(`/api/connect/instances/${encodeURIComponent(instanceId!)}/flows`, signal),
  });
  const numbers = useQuery({
    queryKey: ["connect", "numbers", instanceId],
    enabled: Boolean(instanceId),
    queryFn: ({ signal }) => fetchJson<{ numbers: PhoneNumber[] }>(`/api/connect/instances/${encodeURIComponent(instanceId!)}/numbers`, signal),
  });

  if (instances.isPending) return <p className="text-sm text-muted-foreground">Asking Connect for instances…</p>;
  if (instances.isError) return <Alert tone="error">Cannot list instances. {instances.error.message}</Alert>;
  if (instances.data.instances.length === 0) return <Alert tone="warning">Connect answered, but this account has no instances in this region.</Alert>;

  return (
    <div className="grid gap-4">
      <Alert tone="success">
        Connected: {instances.data.instances.length} instance{instances.data.instances.length === 1 ? "" : "s"} visible.
      </Alert>
      <Field id="settings-instance" label="Instance">
        <Select value={instanceId ?? ""} onChange={(e) => setPicked(e.target.value)}>
          {instances.data.instances.map((i) => (
            <option key={i.id} value={i.id}>
              {i.alias ?? i.id} ({i.status ?? "unknown"})
            </option>
          ))}
        </Select>
      </Field>
      <section aria-label="Phone numbers" className="grid gap-2">
        <h3 className="text-sm font-semibold">Phone numbers</h3>
        {numbers.isError ? <Alert tone="error">{numbers.error.message}</Alert> : <NumbersTable numbers={numbers.data?.numbers} />}
      </section>
      <section aria-label="Contact flows" className="grid gap-2">
        <h3 className="text-sm font-semibold">Contact flows</h3>
        {flows.isError ? <Alert tone="error">{flows.error.message}</Alert> : <FlowsTable flows={flows.data?.flows} />}
      </section>
    </div>
  );
}
