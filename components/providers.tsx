"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { useState } from "react";
import { makeZodJitless } from "./zod-jitless";

// Before the page's forms build their zod schemas: the page's Content-Security-Policy allows no eval (zod-jitless.ts).
makeZodJitless();

/** `nonce` is this request's CSP script nonce: next-themes sets light or dark with an inline script that needs it. */
export function Providers({ nonce, children }: { nonce: string | undefined; children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }));
  return (
    // The theme follows the system until someone picks Light or Dark (kept in this browser's localStorage).
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ThemeProvider>
  );
}
