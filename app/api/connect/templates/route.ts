import { apiRoute } from "@/lib/api/route";
import { viaConnect } from "@/lib/connect/runtime-gateway";

// Knowledge bases that hold message templates, each with its templates (WhatsApp campaigns pick one).
export const GET = apiRoute("viewer", async () => {
  const knowledgeBases = await viaConnect(async (g) => {
    const bases = (await g.listKnowledgeBases()).filter((kb) => !kb.type || kb.type === "MESSAGE_TEMPLATES");
    return Promise.all(bases.map(async (kb) => ({ ...kb, templates: await g.listMessageTemplates(kb.id) })));
  });
  return Response.json({ knowledgeBases });
});
