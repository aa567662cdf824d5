import { ThemeToggle } from "@/components/console/theme-toggle";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="relative flex min-h-screen items-center justify-center bg-muted p-6 dark:bg-background">
      <ThemeToggle className="absolute top-4 right-4" />
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-xl font-semibold tracking-tight">Outbound Console</p>
        {children}
      </div>
    </main>
  );
}
