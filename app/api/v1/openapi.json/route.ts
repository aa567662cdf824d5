import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/openapi/document";

// Public: the description of the API reveals no data, and tools fetch it before they have a key.
export const GET = apiRoute("public", async ({ req }) => Response.json(openApiDocument(new URL(req.url).origin)));
