import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ needs?: string }> }) {
  const { needs } = await searchParams;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <ShieldAlert className="size-10 text-destructive" aria-hidden />
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-sm text-muted-foreground">{needs ? `It needs the ${needs} role. ` : ""}Ask an administrator if you need it.</p>
      <Button asChild variant="outline">
        <Link href="/campaigns">Back to the console</Link>
      </Button>
    </main>
  );
}
