import { describe, expect, it, vi } from "vitest";
import type { Resolver, ResolverResult } from "react-hook-form";
import { lazyResolver, lazyZodResolver } from "./lazy-resolver";

type Values = { name: string };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Values>>[2];

const real: Resolver<Values, unknown, Values> = (values): ResolverResult<Values> =>
  values.name ? { values, errors: {} } : { values: {}, errors: { name: { type: "too_small", message: "Enter a name" } } };

describe("lazyResolver", () => {
  it("loads nothing until the form is first checked, then once", async () => {
    const load = vi.fn(async () => real);
    const resolver = lazyResolver(load);
    expect(load).not.toHaveBeenCalled();
    expect(await resolver({ name: "" }, undefined, options)).toEqual({ values: {}, errors: { name: { type: "too_small", message: "Enter a name" } } });
    expect(await resolver({ name: "Ada" }, undefined, options)).toEqual({ values: { name: "Ada" }, errors: {} });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("starts the download on preload, and the check uses that download", async () => {
    const load = vi.fn(async () => real);
    const resolver = lazyResolver(load);
    resolver.preload();
    resolver.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect((await resolver({ name: "Ada" }, undefined, options)).errors).toEqual({});
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries a failed download again on the next check, and a failed preload is not an unhandled rejection", async () => {
    const load = vi.fn<() => Promise<Resolver<Values, unknown, Values>>>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(real);
    const resolver = lazyResolver(load);
    resolver.preload();
    await expect(resolver({ name: "Ada" }, undefined, options)).rejects.toThrow("offline");
    expect((await resolver({ name: "Ada" }, undefined, options)).errors).toEqual({});
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("lazyZodResolver", () => {
  it("checks with the schema once it has loaded: zod's messages per field, or the parsed values", async () => {
    const { z } = await import("zod");
    const schema = z.object({ name: z.string().trim().min(1, "Enter a name") });
    const load = vi.fn(async () => schema);
    const resolver = lazyZodResolver(load);
    expect(load).not.toHaveBeenCalled();
    const refused = await resolver({ name: "  " }, undefined, options);
    expect(refused.errors).toMatchObject({ name: { message: "Enter a name" } });
    expect(await resolver({ name: " Ada " }, undefined, options)).toEqual({ values: { name: "Ada" }, errors: {} });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
