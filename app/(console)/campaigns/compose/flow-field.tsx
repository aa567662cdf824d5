"use client";
// Contact flow picker. Instances often hold dozens of flows, so a text filter narrows the list; only active,
// published flows can start a chat, so the others are listed but cannot be chosen. An outbound chat runs the flow as
// its contact flow: queue, whisper, hold, transfer and campaign flows are for other moments of a contact and are hidden
// unless the user asks for every flow.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
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

/** Flows a new chat can start in: contact flows (the type Connect calls CONTACT_FLOW), or flows whose type is not told. */
export function startsChats(flow: ContactFlow): boolean {
  return flow.type === undefined || flow.type === null || flow.type === "CONTACT_FLOW";
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
  const [showAll, setShowAll] = useState(false);
  const all = flows.data?.flows ?? [];
  const offered = showAll ? all : all.filter((f) => startsChats(f) || f.id === value);
  const needle = filter.trim().toLowerCase();
  const matching = offered.filter((f) => f.id === value || needle === "" || `${f.name} ${f.type ?? ""}`.toLowerCase().includes(needle));
  const selected = all.find((f) => f.id === value);
  const hidden = all.length - all.filter(startsChats).length;

  return (
    <div className="grid gap-2">
      <Field
        id="flow-filter"
        label="Filter flows"
        hint={
          flows.isSuccess
            ? `${matching.length} of ${all.length} flows shown${!showAll && hidden > 0 ? `; ${hidden} that cannot start a chat hidden` : ""}`
            : undefined
        }
      >
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
      {selected && !startsChats(selected) ? (
        <Alert tone="warning">
          {selected.name} is a {selected.type} flow: Connect starts a new chat in a contact flow, so this one will most likely fail or do nothing.
        </Alert>
      ) : null}
      {flows.isSuccess && hidden > 0 ? (
        <label className="flex items-center gap-2 text-xs text-muted-foreground">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          Show all flows, including queue, whisper and campaign flows
        </label>
      ) : null}
      <QueryStatus query={flows} what="contact flows" />
      {flows.isSuccess && all.length === 0 ? <p className="text-sm text-muted-foreground">This instance has no contact flows.</p> : null}
    </div>
  );
}
