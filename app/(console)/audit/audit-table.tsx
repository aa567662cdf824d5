"use client";
// The audit entries as a real table: who did what to which target, when, and from where.
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditEntry } from "./audit-api";
import { summarizeDiff } from "./diff-summary";

function DiffCell({ id, diff }: { id: number; diff: unknown }) {
  const lines = summarizeDiff(diff);
  if (lines.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="grid gap-1">
      <ul className="grid gap-0.5">
        {lines.map((line, i) => (
          <li key={i} className="break-words">
            {line}
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-xs text-muted-foreground hover:text-foreground">
          Raw JSON<span className="sr-only"> for entry {id}</span>
        </summary>
        <pre tabIndex={0} className="mt-1 max-h-64 max-w-md overflow-auto rounded bg-muted p-2 font-mono text-xs">
          {JSON.stringify(diff, null, 2)}
        </pre>
      </details>
    </div>
  );
}

function Muted({ value, title, mono }: { value: string | null; title?: string; mono?: boolean }) {
  if (!value) return <span className="block text-xs text-muted-foreground">—</span>;
  return (
    <span className={`block max-w-40 truncate text-xs text-muted-foreground ${mono ? "font-mono" : ""}`} title={title ?? value}>
      {value}
    </span>
  );
}

// Where a target has a page, its name (or id) links there; the id stays on hover.
const TARGET_PAGES: Record<string, (id: string) => string> = {
  campaign: (id) => `/campaigns/${id}`,
  contact: (id) => `/contacts/${encodeURIComponent(id)}`,
};

function TargetName({ entry }: { entry: AuditEntry }) {
  if (!entry.targetId) return <span className="block text-xs">—</span>;
  const label = entry.targetName ?? entry.targetId;
  const href = entry.targetType ? TARGET_PAGES[entry.targetType]?.(entry.targetId) : undefined;
  const className = `block max-w-48 wrap-anywhere text-xs ${entry.targetName ? "" : "break-all font-mono"}`;
  return href ? (
    <Link href={href} className={`${className} underline-offset-4 hover:underline`} title={entry.targetId}>
      {label}
    </Link>
  ) : (
    <span className={className} title={entry.targetId}>
      {label}
    </span>
  );
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  return (
    <TR className="align-top">
      <TD className="whitespace-nowrap align-top">
        <DateTime at={entry.at} seconds />
      </TD>
      <TD className="align-top">
        <span className="block max-w-48 wrap-anywhere">{entry.actorEmail}</span>
      </TD>
      <TD className="align-top">
        <code className="font-mono text-xs">{entry.action}</code>
      </TD>
      <TD className="align-top">
        {entry.targetType || entry.targetId ? (
          <>
            <span className="block text-xs text-muted-foreground">{entry.targetType ?? "—"}</span>
            <TargetName entry={entry} />
          </>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TD>
      <TD className="min-w-56 align-top text-xs">
        <DiffCell id={entry.id} diff={entry.diff} />
      </TD>
      <TD className="align-top">
        <Muted value={entry.ip} title={entry.userAgent ? `${entry.ip ?? "Unknown address"} · ${entry.userAgent}` : undefined} />
        <Muted value={entry.requestId} mono />
      </TD>
    </TR>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table>
      <caption className="sr-only">Audit log entries, newest first</caption>
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>Actor</TH>
          <TH>Action</TH>
          <TH>Target</TH>
          <TH>Details</TH>
          <TH>IP / Request ID</TH>
        </tr>
      </THead>
      <TBody>
        {entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </TBody>
    </Table>
  );
}
