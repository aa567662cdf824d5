"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { config as zodConfig } from "zod/v4/core";

// The page's Content-Security-Policy allows no eval: zod would otherwise probe `new Function` to compile its
// parsers, which the browser reports as a violation even though zod falls back.
zodConfig({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
