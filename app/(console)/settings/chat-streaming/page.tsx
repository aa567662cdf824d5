import { Suspense } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { ChatStreamingSection } from "../chat-streaming-section";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("chat-streaming");

export default async function ChatStreamingSettingsPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <SettingsHeader
        id="chat-streaming"
        role={user.role}
        description="The Amazon SNS topic each instance's chats are streamed to, for delivered and read receipts, replies and chat ends."
      />
      <Card className="max-w-4xl min-w-0">
        <CardContent className="min-w-0 pt-5">
          <Suspense fallback={<p className="text-sm text-muted-foreground">Asking Connect for instances…</p>}>
            <ChatStreamingSection canEdit={hasRole(user.role, "admin")} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}
