"use client";
// The encoding and segment count of the SMS being written, so the author sees what one message will cost before
// launch, and which characters (a curly quote pasted from a document, a Vietnamese letter) turn it into UCS-2, where
// each segment holds 70 characters instead of 160.
import { Fragment, useMemo } from "react";
import { countSmsSegments } from "@/lib/messages/sms-segments";
import { compileTemplate, renderTemplate } from "@/lib/recipients/placeholders";
import { cn } from "@/lib/utils";
import { formatCount } from "./format";

// Characters that would show as nothing, or only as a mark on a blank, are named by code point instead.
const INVISIBLE = /^[\p{M}\p{C}\p{Z}]/u;

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
}

export function SmsSegmentsNote({ text, className }: { text: string; className?: string }) {
  const { count, templated } = useMemo(() => {
    const template = compileTemplate(text);
    // Counted as a recipient would receive it with no values: escapes such as \{{ resolved, placeholders as written.
    return { count: countSmsSegments(renderTemplate(template, {}).text), templated: template.names.length > 0 };
  }, [text]);

  const figures =
    count.segments === 0
      ? "No text · 0 segments"
      : [
          count.encoding,
          count.units === count.characters
            ? plural(count.characters, "character")
            : `${plural(count.characters, "character")} (counts as ${formatCount(count.units)})`,
          count.segments === 1 ? "1 segment" : `${plural(count.segments, "segment")} (${count.perSegment} each)`,
        ].join(" · ");

  return (
    <p data-testid="sms-segments" aria-live="polite" className={cn("text-xs text-muted-foreground tabular-nums", className)}>
      {figures}
      {count.ucs2Characters.length > 0 ? (
        <>
          {" — forced by: "}
          {count.ucs2Characters.map((c, i) => (
            <Fragment key={c}>
              {i > 0 ? ", " : null}
              {/* text-foreground keeps the highlighted characters at full contrast on either background. */}
              <mark title={codePoint(c)} className="rounded-sm bg-amber-100 px-0.5 font-medium text-foreground dark:bg-amber-900/40">
                {INVISIBLE.test(c) ? codePoint(c) : c}
              </mark>
            </Fragment>
          ))}
        </>
      ) : null}
      {templated ? (
        <span className="block">
          Counted for the template text before values are filled in; with placeholders filled, each recipient&apos;s count may differ.
        </span>
      ) : null}
    </p>
  );
}
