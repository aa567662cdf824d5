import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Slot as RadixSlot } from "@radix-ui/react-slot";
import { describe, expect, it, vi } from "vitest";
import { mergeSlotProps, Slot } from "./slot";

const CASES: { slot: Record<string, unknown>; child: Record<string, unknown> }[] = [
  { slot: { className: "inline-flex h-9" }, child: { href: "/campaigns/new" } },
  { slot: { className: "inline-flex h-9", "data-x": "slot" }, child: { href: "/a", className: "underline", "data-x": "child" } },
  { slot: { style: { color: "red", margin: 1 } }, child: { href: "/a", style: { color: "blue" } } },
  { slot: { "aria-describedby": "a b" }, child: { href: "/a", "aria-describedby": "b c" } },
  { slot: { id: "s", title: "slot" }, child: { href: "/a", title: "child", download: true } },
];

describe("Slot", () => {
  it.each(CASES)("renders what Radix's Slot renders: %j", ({ slot, child }) => {
    const ours = renderToStaticMarkup(createElement(Slot, slot, createElement("a", child, "Go")));
    const radix = renderToStaticMarkup(createElement(RadixSlot, slot, createElement("a", child, "Go")));
    expect(ours).toBe(radix);
  });

  it("runs the child's handler, then the button's", () => {
    const calls: string[] = [];
    const merged = mergeSlotProps({ onClick: () => calls.push("slot") }, { onClick: () => calls.push("child") });
    (merged.onClick as () => void)();
    expect(calls).toEqual(["child", "slot"]);
    const only = vi.fn();
    expect(mergeSlotProps({ onClick: only }, {}).onClick).toBe(only);
  });

  it("refuses anything but one element, as Radix does", () => {
    expect(() => renderToStaticMarkup(createElement(Slot, {}, "text"))).toThrow(/single React element/);
  });
});

describe("Label", () => {
  it("renders what Radix's Label renders", async () => {
    const { Label } = await import("./label");
    const { Label: RadixLabel } = await import("@radix-ui/react-label");
    // As the console's Label passed them to Radix: its class names first, then the caller's props.
    const radix = createElement(RadixLabel, { className: "text-sm font-medium leading-none", htmlFor: "email" }, "Email");
    expect(renderToStaticMarkup(createElement(Label, { htmlFor: "email" }, "Email"))).toBe(renderToStaticMarkup(radix));
  });
});
