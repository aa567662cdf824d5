// Button's asChild: the one child element (usually a link) takes the button's props as Radix's Slot (1.5) gives them,
// without loading Radix on every page: the child's own props win, except that both event handlers run (the child's
// first), styles merge, class names join and aria-describedby ids combine. slot.test.ts holds it to Radix's output.
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode, type Ref } from "react";

type Props = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

function describedBy(...values: unknown[]): string | undefined {
  const ids = new Set<string>();
  for (const value of values) {
    if (typeof value !== "string") continue;
    for (const id of value.trim().split(/\s+/)) if (id) ids.add(id);
  }
  return ids.size > 0 ? [...ids].join(" ") : undefined;
}

export function mergeSlotProps(slot: Props, child: Props): Props {
  const merged: Props = { ...child };
  for (const name in child) {
    const mine = slot[name];
    const theirs = child[name];
    if (/^on[A-Z]/.test(name)) {
      if (mine && theirs) {
        merged[name] = (...args: unknown[]) => {
          const result = (theirs as Handler)(...args);
          (mine as Handler)(...args);
          return result;
        };
      } else if (mine) merged[name] = mine;
    } else if (name === "style") merged[name] = { ...(mine as object), ...(theirs as object) };
    else if (name === "className") merged[name] = [mine, theirs].filter(Boolean).join(" ");
    else if (name === "aria-describedby") merged[name] = describedBy(theirs, mine);
  }
  return { ...slot, ...merged };
}

function bothRefs<T>(a: Ref<T> | undefined, b: Ref<T> | undefined): Ref<T> | undefined {
  if (!a || !b) return a ?? b;
  return (node: T | null) => {
    for (const ref of [a, b]) {
      if (typeof ref === "function") ref(node);
      else ref.current = node;
    }
  };
}

export function Slot({ children, ref, ...slot }: Props & { children?: ReactNode; ref?: Ref<unknown> }) {
  const child = Children.only(children);
  if (!isValidElement<Props>(child)) throw new Error("Slot failed to slot onto its children. Expected a single React element child.");
  const merged = mergeSlotProps(slot, child.props);
  const ownRef = bothRefs(ref, child.props.ref as Ref<unknown> | undefined);
  if (ownRef) merged.ref = ownRef;
  return cloneElement(child as ReactElement<Props>, merged);
}
