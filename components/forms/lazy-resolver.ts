// A react-hook-form resolver whose code loads the first time the form is checked: a schema module brings zod (about
// 30 kB gzipped) and whatever the schema itself needs, such as the phone-number metadata (about 45 kB), which a page
// need not load before anyone fills in its form. preload() starts the download early, when the form is first focused,
// so that by the first submit it is usually there.
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z4 from "zod/v4/core";

export type LazyResolver<TValues extends FieldValues, TContext, TOutput> = Resolver<TValues, TContext, TOutput> & {
  preload: () => void;
};

export function lazyResolver<TValues extends FieldValues, TContext, TOutput>(
  load: () => Promise<Resolver<TValues, TContext, TOutput>>,
): LazyResolver<TValues, TContext, TOutput> {
  let pending: Promise<Resolver<TValues, TContext, TOutput>> | undefined;
  const loaded = () =>
    (pending ??= load().catch((error: unknown) => {
      // A failed download (a dropped connection) is tried again on the next check rather than remembered.
      pending = undefined;
      throw error;
    }));
  const resolver = async (...args: Parameters<Resolver<TValues, TContext, TOutput>>) => (await loaded())(...args);
  return Object.assign(resolver, { preload: () => void loaded().catch(() => undefined) });
}

/**
 * zodResolver(schema), with the resolver package and the schema's module loaded on first use. The form module must
 * import nothing else from that module (take its constants from a zod-free one), or zod loads with the page anyway.
 */
export function lazyZodResolver<TSchema extends z4.$ZodType<unknown, FieldValues>>(
  loadSchema: () => Promise<TSchema>,
): LazyResolver<z4.input<TSchema>, unknown, z4.output<TSchema>> {
  return lazyResolver(async () => {
    const [{ zodResolver }, schema] = await Promise.all([import("@hookform/resolvers/zod"), loadSchema()]);
    return zodResolver(schema) as Resolver<z4.input<TSchema>, unknown, z4.output<TSchema>>;
  });
}
