import { afterEach, describe, expect, it, vi } from "vitest";
import { dismissToast, getServerToasts, getToasts, MAX_TOASTS, subscribeToasts, toast } from "./toast-store";

afterEach(() => {
  for (const t of getToasts()) dismissToast(t.id);
});

describe("toast store", () => {
  it("shows toasts newest last and tells the Toaster each time", () => {
    const listener = vi.fn();
    const stop = subscribeToasts(listener);
    toast("Disabled bo@example.com");
    const undo = { label: "Undo", run: vi.fn() };
    toast("Removed +447700900123", undo);
    expect(getToasts().map((t) => t.message)).toEqual(["Disabled bo@example.com", "Removed +447700900123"]);
    expect(getToasts()[1]!.action).toBe(undo);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    toast("Not heard");
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("dismisses only the toast asked for, and a second dismissal changes nothing", () => {
    const first = toast("one");
    const second = toast("two");
    const listener = vi.fn();
    const stop = subscribeToasts(listener);
    dismissToast(first);
    dismissToast(first);
    expect(getToasts().map((t) => t.id)).toEqual([second]);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it(`keeps the newest ${MAX_TOASTS} so a burst never covers the page`, () => {
    for (let i = 1; i <= MAX_TOASTS + 2; i++) toast(`toast ${i}`);
    expect(getToasts().map((t) => t.message)).toEqual(["toast 3", "toast 4", "toast 5"]);
  });

  it("gives each toast its own id, and keeps the snapshot stable between changes", () => {
    const a = toast("a");
    const b = toast("b");
    expect(a).not.toBe(b);
    expect(getToasts()).toBe(getToasts());
    expect(getServerToasts()).toBe(getServerToasts());
    expect(getServerToasts()).toEqual([]);
  });
});
