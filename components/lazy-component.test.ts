import { describe, expect, it, vi } from "vitest";
import { createElement, type ComponentType, type ReactNode } from "react";
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

describe("lazyComponent when rendered", () => {
  // The whole tree rendered to HTML, waiting for what it loads, as the server renders a page.
  async function html(node: ReactNode): Promise<string> {
    const { prerenderToNodeStream } = await import("react-dom/static");
    const { prelude } = await prerenderToNodeStream(node, { onError: () => undefined });
    let text = "";
    for await (const chunk of prelude) text += String(chunk);
    return text;
  }
  const Named = ({ name }: { name: string }) => createElement("p", null, name);

  it("renders the loaded component with its props", async () => {
    const Lazy = lazyComponent(async () => Named);
    expect(await html(createElement(Lazy, { name: "Ann" }))).toContain("<p>Ann</p>");
  });

  it("downloads again at the next render after a failed download, so Try again can work", async () => {
    const load = vi.fn<() => Promise<ComponentType<{ name: string }>>>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(Named);
    const Lazy = lazyComponent(load);
    await expect(html(createElement(Lazy, { name: "Ann" }))).rejects.toThrow("offline");
    expect(await html(createElement(Lazy, { name: "Ann" }))).toContain("<p>Ann</p>");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
