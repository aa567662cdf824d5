import type { Metadata } from "next";
import "./globals.css";
import { Providers } from "@/components/providers";

// Every page depends on the session and the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Outbound Console", template: "%s · Outbound Console" },
  description: "Outbound SMS and WhatsApp chat campaigns on Amazon Connect",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
