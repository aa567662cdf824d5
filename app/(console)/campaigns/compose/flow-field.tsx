"use client";
// Contact flow picker. Instances often hold dozens of flows, so a text filter narrows the list; only active,
// published flows can start a chat, so the others are listed but cannot be chosen.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ContactFlow } from "@/lib/connect/types";
import { useFlows } from "@/components/connect/connect-queries";
import type { ComposerValues } from "./form-values";
import { QueryStatus } from "@/components/connect/query-status";

function unusableReason(flow: ContactFlow): string | null {
  if (flow.state === "ARCHIVED") return "archived";
  if (flow.status && flow.status !== "PUBLISHED") return "not published";
  return null;
}

function flowLabel(flow: ContactFlow): string {
  const reason = unusableReason(flow);
  const details = [flow.type, flow.state, flow.status].filter(Boolean).join(", ");
  return `${flow.name}${details ? ` — ${details}` : ""}${reason ? ` (${reason})` : ""}`;
}

export function FlowField({ instanceId }: { instanceId: string }) {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const value = useWatch({ control, name: "contactFlowId" });
  const choose = (next: string) => setValue("contactFlowId", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const flows = useFlows(instanceId);
  const [filter, setFilter] = useState("");
  const all = flows.data?.flows ?? [];
  const needle = filter.trim().toLowerCase();
  const matching = all.filter((f) => f.id === value || needle === "" || `${f.name} ${f.type ?? ""}`.toLowerCase().includes(needle));
  const selected = all.find((f) => f.id === value);

  return (
    <div className="grid gap-2">
      <Field id="flow-filter" label="Filter flows" hint={flows.isSuccess ? `${matching.length} of ${all.length} flows shown` : undefined}>
        <Input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} disabled={!flows.isSuccess} placeholder="Part of a flow name or type" />
      </Field>
      <Field
        id="contactFlowId"
        label="Contact flow"
        hint="The flow each chat runs; only active, published flows can be chosen."
        error={formState.errors.contactFlowId?.message}
      >
        <Select value={value} onChange={(e) => choose(e.target.value)} disabled={!flows.isSuccess}>
          <option value="">{flows.isSuccess ? "Choose a flow" : instanceId ? "—" : "Choose an instance first"}</option>
          {!selected && value ? <option value={value}>{value} (not listed by Connect)</option> : null}
          {matching.map((f) => (
            <option key={f.id} value={f.id} disabled={unusableReason(f) !== null && f.id !== value}>
              {flowLabel(f)}
            </option>
          ))}
        </Select>
      </Field>
      <QueryStatus query={flows} what="contact flows" />
      {flows.isSuccess && all.length === 0 ? <p className="text-sm text-muted-foreground">This instance has no contact flows.</p> : null}
    </div>
  );
}
