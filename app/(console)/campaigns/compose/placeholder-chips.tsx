"use client";
// Under the SMS text: a button for each placeholder the recipients can fill, and the placeholders nothing fills, each
// with the fix preflight would suggest.
import { Button } from "@/components/ui/button";
import type { PlaceholderChoice, PlaceholderIssue } from "./column-mapping";

export function PlaceholderChips({ id, choices, onInsert }: { id: string; choices: PlaceholderChoice[]; onInsert: (name: string) => void }) {
  if (choices.length === 0) return null;
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span id={`${id}-label`} className="text-xs text-muted-foreground">
        Insert<span className="sr-only"> a placeholder</span>:
      </span>
      {choices.map(({ name, column }) => {
        const fromColumn = column.trim() !== name;
        return (
          <Button
            key={name}
            type="button"
            variant="outline"
            size="sm"
            className="h-7 max-w-full min-w-0 px-2"
            title={fromColumn ? `{{${name}}} from column ${column}` : `{{${name}}}`}
            // Keeps the cursor in the message, so the placeholder lands where it was.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onInsert(name)}
          >
            <span className="min-w-0 truncate font-mono">{`{{${name}}}`}</span>
            {fromColumn ? (
              <span className="min-w-0 truncate text-muted-foreground">
                <span className="sr-only">from column </span>
                {column}
              </span>
            ) : null}
          </Button>
        );
      })}
    </div>
  );
}

export function PlaceholderIssues({ id, issues, onApply }: { id: string; issues: PlaceholderIssue[]; onApply: (issue: PlaceholderIssue) => void }) {
  return (
    // Always rendered, so a screen reader hears a placeholder become unknown as it is typed.
    <div id={id} aria-live="polite" className="empty:hidden">
      {issues.length > 0 ? (
        <ul className="grid gap-1">
          {issues.map((issue) => (
            <li key={issue.name} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium text-warning">
              <span className="min-w-0 break-words">{issue.problem}</span>
              {issue.suggestion !== undefined ? (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  className="h-7 max-w-full px-2"
                  aria-label={`Use {{${issue.suggestion}}} instead of {{${issue.name}}}`}
                  onClick={() => onApply(issue)}
                >
                  <span className="min-w-0 truncate">Use {`{{${issue.suggestion}}}`}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
