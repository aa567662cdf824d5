import { describe, expect, it, vi } from "vitest";
import type { ComponentType } from "react";
import { lazyComponent } from "./lazy-component";

const Part: ComponentType<{ name: string }> = () => null;

describe("lazyComponent", () => {
  it("loads nothing until preloaded, then once however often preload is called", async () => {
    const load = vi.fn(async () => Part);
    const Lazy = lazyComponent(load);
    expect(load).not.toHaveBeenCalled();
    Lazy.preload();
    Lazy.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it("tries again after a failed download, and a failed preload is not an unhandled rejection", async () => {
    const load = vi.fn<() => Promise<ComponentType<{ name: string }>>>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(Part);
    const Lazy = lazyComponent(load);
    Lazy.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    Lazy.preload();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
