import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ContactFlow, PhoneNumber } from "@/lib/connect/types";

const Loading = () => <p className="text-sm text-muted-foreground">Loading…</p>;

export function NumbersTable({ numbers }: { numbers?: PhoneNumber[] }) {
  if (!numbers) return <Loading />;
  if (numbers.length === 0) return <p className="text-sm text-muted-foreground">No numbers are claimed by this instance.</p>;
  return (
    <Table aria-label="Phone numbers of the instance">
      <THead>
        <tr>
          <TH>Number</TH>
          <TH>Country</TH>
          <TH>Type</TH>
          <TH>Description</TH>
        </tr>
      </THead>
      <TBody>
        {numbers.map((n) => (
          <TR key={n.id}>
            <TD className="font-mono">{n.phoneNumber}</TD>
            <TD>{n.countryCode}</TD>
            <TD>{n.type}</TD>
            <TD className="text-muted-foreground">{n.description}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function FlowsTable({ flows }: { flows?: ContactFlow[] }) {
  if (!flows) return <Loading />;
  if (flows.length === 0) return <p className="text-sm text-muted-foreground">This instance has no contact flows.</p>;
  return (
    <Table aria-label="Contact flows of the instance">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Type</TH>
          <TH>State</TH>
        </tr>
      </THead>
      <TBody>
        {flows.map((f) => (
          <TR key={f.id}>
            <TD>{f.name}</TD>
            <TD className="font-mono text-xs">{f.type}</TD>
            <TD>
              <Badge tone={f.state === "ARCHIVED" ? "neutral" : f.status === "SAVED" ? "warning" : "success"}>
                {[f.state, f.status].filter(Boolean).join(" · ")}
              </Badge>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
